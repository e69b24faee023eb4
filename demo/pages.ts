// The demo publisher's HTML: an ordinary news site template with Parley's one script tag.
import { ARTICLES, type DemoArticle } from './articles';
import { PERSONAS, SIGN_IN_PATH, type DemoPersona } from './personas';
import { DEMO_SITE_ID } from './site';
import type { DemoMail } from './mailbox';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const STYLE = `
  body { margin: 0; font: 18px/1.6 Georgia, 'Times New Roman', serif; color: #1d1d1f; background: #fbfaf7; }
  header.masthead { border-bottom: 3px double #1d1d1f; text-align: center; padding: 18px 12px 8px; }
  header.masthead a { color: inherit; text-decoration: none; font-size: 34px; font-weight: 700; letter-spacing: .5px; }
  nav.personas { font: 14px/1.4 system-ui, sans-serif; background: #1d1d1f; color: #fff; padding: 8px 16px; display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
  nav.personas form { display: inline; margin: 0; }
  nav.personas button { font: inherit; border: 1px solid #666; background: #333; color: #fff; border-radius: 999px; padding: 4px 12px; cursor: pointer; }
  nav.personas button[aria-pressed="true"] { background: #fff; color: #1d1d1f; border-color: #fff; }
  nav.personas a { color: #ffd479; margin-left: auto; }
  main { max-width: 720px; margin: 0 auto; padding: 24px 16px 64px; }
  .kicker { font: 600 13px system-ui, sans-serif; text-transform: uppercase; letter-spacing: 1px; color: #b3261e; }
  h1 { font-size: 40px; line-height: 1.15; margin: 8px 0 12px; }
  .standfirst { font-size: 21px; color: #444; }
  ul.listing { list-style: none; padding: 0; }
  ul.listing li { border-bottom: 1px solid #ddd; padding: 16px 0; }
  ul.listing a.headline { font-size: 24px; color: inherit; }
  .count { font: 14px system-ui, sans-serif; color: #666; margin-left: 8px; }
  #parley-comments { margin-top: 48px; }
  .dashboard { font-size: 15px; min-height: 80vh; }
`;

function layout(title: string, persona: DemoPersona, returnTo: string, body: string, wide = false): string {
  const buttons = PERSONAS.map(
    (p) => `<form method="post" action="/demo/persona"><input type="hidden" name="persona" value="${p.id}"><input type="hidden" name="return" value="${escapeHtml(returnTo)}"><button aria-pressed="${p.id === persona.id}">${escapeHtml(p.label)}</button></form>`,
  ).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — The Daily Example</title><style>${STYLE}</style>
<script>
  // The publisher's own sign-in: its server signs a token for the current reader.
  window.demoGetToken = async function () {
    const res = await fetch('/demo/token', { credentials: 'same-origin' });
    return (await res.json()).token;
  };
</script>
</head><body>
<nav class="personas" aria-label="Demo personas"><span>Read as:</span>${buttons}<a href="/demo/moderate">Moderator dashboard →</a></nav>
<header class="masthead"><a href="/">The Daily Example</a></header>
${wide ? `<div class="dashboard">${body}</div>` : `<main>${body}</main>`}
</body></html>`;
}

export function articlePage(article: DemoArticle, persona: DemoPersona, origin: string): string {
  const canonical = origin + article.path;
  const body = `
<article>
  <div class="kicker">${escapeHtml(article.section)}</div>
  <h1>${escapeHtml(article.title)}</h1>
  <p class="standfirst">${escapeHtml(article.standfirst)}</p>
  ${article.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n  ')}
</article>
<link rel="canonical" href="${escapeHtml(canonical)}">
<div id="parley-comments"></div>
<script async src="/embed.js" data-site="${DEMO_SITE_ID}" data-get-token="demoGetToken" data-title="${escapeHtml(article.title)}"></script>`;
  return layout(article.title, persona, article.path, body);
}

export function listingPage(persona: DemoPersona, origin: string): string {
  const items = ARTICLES.map(
    (a) => `<li><div class="kicker">${escapeHtml(a.section)}</div><a class="headline" href="${a.path}">${escapeHtml(a.title)}</a>
      <span class="count" data-parley-count data-parley-url="${escapeHtml(origin + a.path)}"></span><p>${escapeHtml(a.standfirst)}</p></li>`,
  ).join('\n');
  const body = `<h1>Latest</h1><ul class="listing">${items}</ul>
<script async src="/count.js" data-site="${DEMO_SITE_ID}"></script>`;
  return layout('Latest', persona, '/', body);
}

/**
 * The publisher's sign-in page, where its invitations and the widget send a reader: in the demo,
 * signing in is choosing a member to be, and then going back to the page the reader came from.
 */
export function signInPage(persona: DemoPersona, returnTo: string): string {
  const members = PERSONAS.filter((p) => p.claims).map(
    (p) => `<li><form method="post" action="/demo/persona"><input type="hidden" name="persona" value="${p.id}"><input type="hidden" name="return" value="${escapeHtml(returnTo)}"><button>Sign in as ${escapeHtml(p.label)}</button></form></li>`,
  );
  const body = `<h1>Sign in</h1><p>This is where the publisher’s own sign-in would be. In the demo, choose who to be:</p><ul class="listing">${members.join('')}</ul>`;
  return layout('Sign in', persona, SIGN_IN_PATH, body);
}

export function subscribePage(persona: DemoPersona): string {
  return layout('Subscribe', persona, '/subscribe', `<h1>Subscribe</h1><p>This is where the publisher’s membership offer would be.</p>`);
}

/**
 * The publisher's own moderation page: the dashboard signed in with the reader's session, the
 * way a newsroom would embed it in its CMS. Parley's /moderate asks for a key or token instead.
 */
export function moderatePage(persona: DemoPersona): string {
  const staff = persona.claims?.role === 'moderator' || persona.claims?.role === 'admin';
  const body = staff
    ? `<div id="parley-moderate" data-site="${DEMO_SITE_ID}" data-get-token="demoGetToken"></div>
<script type="module" src="/moderate.js"></script>`
    : `<h1>Moderation</h1><p>Switch to <strong>Morgan — moderator</strong> above, or open <a href="/moderate?site=${DEMO_SITE_ID}">/moderate</a> and sign in with the site API key printed when the demo started.</p>`;
  return layout('Moderation', persona, '/demo/moderate', body, staff);
}

/** What the demo's mailbox received, newest first; a message's HTML part is shown sandboxed, as a mail client would. */
export function mailboxPage(persona: DemoPersona, messages: DemoMail[], openId?: number): string {
  const open = messages.find((m) => m.id === openId) ?? messages[0];
  const list = messages.length
    ? `<ul class="listing">${messages
        .map((m) => `<li><a href="/demo/mailbox?id=${m.id}">${escapeHtml(m.subject)}</a><span class="count">to ${escapeHtml(m.to)} · ${m.date.toISOString().slice(11, 16)} UTC</span></li>`)
        .join('')}</ul>`
    : '<p>No mail yet. Sign in as Alice, open <em>Email notifications</em> under the comment box and tick replies; then reply to one of her comments as Morgan. The notice arrives here about ten seconds later.</p>';
  const shown = open
    ? `<h2>${escapeHtml(open.subject)}</h2><p class="count">From ${escapeHtml(open.from)} to ${escapeHtml(open.to)}${
        open.unsubscribe ? ` · <a href="${escapeHtml(open.unsubscribe)}">one-click unsubscribe link</a>` : ''
      }</p><iframe title="The message" sandbox style="width:100%;height:420px;border:1px solid #ddd;background:#fff" srcdoc="${escapeHtml(open.html)}"></iframe>
<details><summary>Text part</summary><pre style="white-space:pre-wrap;font-size:14px">${escapeHtml(open.text)}</pre></details>`
    : '';
  return layout('Mailbox', persona, '/demo/mailbox', `<h1>The demo's mailbox</h1><p>Every e-mail Parley sends while the demo runs lands here.</p>${list}${shown}`);
}
