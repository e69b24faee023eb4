// E-mail: a member's preferences and follows (signed in), and the unsubscribe link from a
// message (signed link, no sign-in): GET shows a page asking to confirm, so a link scanner
// unsubscribes no one; POST does it, as the page's button and RFC 8058's one-click both send.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import type { ServiceDeps } from '../services/deps';
import { ThreadParam } from '../../shared/schemas/params';
import { MailPreferencesBody, MailPreferencesQuery, UnsubscribeQuery } from '../../shared/schemas/mail';
import { changeMailPreferences, mailPreferences } from '../services/mail/preferences';
import { checkUnsubscribeLink, unsubscribeByLink } from '../services/mail/unsubscribe';
import { validate } from './validate';
import { escapeHtml } from '../services/escape-html';

const WHAT: Record<UnsubscribeQuery['l'], string> = {
  replies: 'e-mail about replies to your comments',
  decisions: 'e-mail about moderators’ decisions on your comments',
  follow: 'e-mail about new comments in this conversation',
  moderators: 'moderators’ alerts and digests',
};

function page(c: Context<AppEnv>, title: string, body: string) {
  c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
  c.header('Cache-Control', 'no-store');
  return c.html(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>` +
      `<body style="font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem"><h1 style="font-size:1.3rem">${escapeHtml(title)}</h1>${body}</body></html>`,
  );
}

export function mailRoutes(deps: ServiceDeps) {
  return new Hono<AppEnv>()
    .get('/me/mail', validate('query', MailPreferencesQuery), async (c) =>
      c.json(await mailPreferences(deps, c.get('site'), c.get('claims'), c.req.valid('query').threadId)),
    )
    .put('/me/mail', validate('json', MailPreferencesBody), async (c) => c.json(await changeMailPreferences(deps, c.get('site'), c.get('claims'), c.req.valid('json'))))
    .put('/threads/:threadId/follow', validate('param', ThreadParam), async (c) =>
      c.json(await changeMailPreferences(deps, c.get('site'), c.get('claims'), { follow: { threadId: c.req.valid('param').threadId, on: true } })),
    )
    .delete('/threads/:threadId/follow', validate('param', ThreadParam), async (c) =>
      c.json(await changeMailPreferences(deps, c.get('site'), c.get('claims'), { follow: { threadId: c.req.valid('param').threadId, on: false } })),
    )
    .get('/mail/unsubscribe', validate('query', UnsubscribeQuery), async (c) => {
      const q = c.req.valid('query');
      await checkUnsubscribeLink(deps, c.get('site'), q);
      // The same address, POSTed: the query carries what to turn off and the signature.
      const here = new URL(c.req.url);
      const action = escapeHtml(here.pathname + here.search);
      return page(
        c,
        `Unsubscribe from ${c.get('site').name}`,
        `<p>Stop ${escapeHtml(WHAT[q.l])}?</p><form method="post" action="${action}"><input type="hidden" name="List-Unsubscribe" value="One-Click">` +
          `<button type="submit" style="font:inherit;padding:.4rem 1rem">Unsubscribe</button></form>`,
      );
    })
    .post('/mail/unsubscribe', validate('query', UnsubscribeQuery), async (c) => {
      const q = c.req.valid('query');
      await unsubscribeByLink(deps, c.get('site'), q);
      return page(c, 'You are unsubscribed', `<p>You will get no more ${escapeHtml(WHAT[q.l])} from ${escapeHtml(c.get('site').name)}.</p>`);
    });
}
