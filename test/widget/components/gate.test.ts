// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { SiteSettings } from '../../../shared/schemas/site';
import { absoluteTime } from '../../../widget/model/time';
import { ARTICLE_URL, createTestContext, NEWSLETTER_URL, PERSONAS, TEST_API_KEY } from '../../support/app';
import { buildSite } from '../../support/site';
import { button, comment, findButton, mountWidget, seedComment, typeInto, waitFor, type MountedWidget } from '../../support/widget';
import { linkTarget } from '../../../widget/components/call-to-action';

let widget: MountedWidget | undefined;
afterEach(() => widget?.unmount());

describe('who may write', () => {
  it('shows a guest the invitation to subscribe and no composer', async () => {
    const t = await createTestContext();
    widget = await mountWidget(t);
    const cta = widget.root.querySelector('.cta');
    expect(cta?.textContent).toContain('Consider subscribing to join the conversation.');
    expect(cta?.querySelector('a')?.getAttribute('href')).toBe('https://news.example/subscribe');
    expect(widget.root.querySelector('textarea')).toBeNull();
    expect(widget.root.querySelector('details')?.textContent).toContain('Debate ideas, not people.');
  });

  it('shows a newsletter-only member the upgrade invitation on a news article', async () => {
    const t = await createTestContext();
    widget = await mountWidget(t, { persona: PERSONAS.nell });
    expect(widget.root.querySelector('.cta')?.textContent).toContain('upgrade to join the conversation everywhere');
    expect(widget.root.querySelector('.cta a')?.textContent).toBe('Upgrade');
    expect(widget.root.querySelector('textarea')).toBeNull();
  });

  it('gives the same member a composer on a newsletter article', async () => {
    const t = await createTestContext();
    widget = await mountWidget(t, { persona: PERSONAS.nell, config: { url: NEWSLETTER_URL } });
    expect(widget.root.querySelector('.cta')).toBeNull();
    expect(widget.root.querySelector('form label')?.textContent).toBe('Comment as Nell');
    expect(widget.root.querySelector('textarea')).not.toBeNull();
  });

  it('tells a suspended member until when, with the moderators’ note, and a banned one the note, with no composer', async () => {
    const t = await createTestContext();
    const mod = await t.sign(PERSONAS.mod);
    const aliceId = (await seedComment(t, PERSONAS.alice, 'Before the suspension.')).author!.id;
    const until = t.clock.now + 3 * 86_400_000;
    await t.call('POST', apiPaths.moderation.user(t.site.id, aliceId), { token: mod, body: { action: 'suspend', until, note: 'Three days to cool off.' } });
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    const notice = () => widget!.root.querySelector('.notice')?.textContent ?? '';
    expect(notice()).toContain('Your account is suspended from commenting for now.');
    expect(notice()).toContain(`Until ${absoluteTime(until)}.`);
    expect(notice()).toContain('From the moderators: “Three days to cool off.”');
    expect(widget.root.querySelector('textarea')).toBeNull();
    widget.unmount();

    await t.call('POST', apiPaths.moderation.user(t.site.id, aliceId), { token: mod, body: { action: 'unsuspend' } });
    await t.call('POST', apiPaths.moderation.user(t.site.id, aliceId), { token: mod, body: { action: 'ban' } });
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    expect(notice()).toBe('Your account can no longer comment on this site.');
  });

  it('tells everyone a closed thread is closed, with no composer', async () => {
    const t = await createTestContext();
    await t.call('PUT', '/api/v1/sites/daily/admin/threads', { headers: { 'X-Api-Key': TEST_API_KEY }, body: { url: ARTICLE_URL, closed: true } });
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    expect(widget.root.querySelector('.notice')?.textContent).toBe('This conversation is closed.');
    expect(widget.root.querySelector('textarea')).toBeNull();
    expect(widget.root.querySelector('.cta')).toBeNull();
  });

  it("resolves a relative invitation link against the host page and refuses one that is not http(s)", async () => {
    const { callsToAction } = buildSite();
    const t = await createTestContext({
      site: {
        callsToAction: {
          guest: { ...callsToAction.guest, url: '/subscribe?from=comments' },
          upgrade: { ...callsToAction.upgrade, url: 'javascript:alert(1)' },
        },
      },
    });
    widget = await mountWidget(t);
    expect(widget.root.querySelector('.cta a')?.getAttribute('href')).toBe(`${location.origin}/subscribe?from=comments`);
    widget.unmount();

    widget = await mountWidget(t, { persona: PERSONAS.nell });
    expect(widget.root.querySelector('.cta')?.textContent).toContain('upgrade to join the conversation everywhere');
    expect(widget.root.querySelector('.cta a')).toBeNull();
  });
});

describe('the guidelines', () => {
  const site = (guidelinesDisplay: 'open' | 'collapsed' | 'before-first-comment') =>
    createTestContext({ site: { settings: SiteSettings.parse({ guidelinesDisplay }) } });
  const rules = (w: MountedWidget) => w.root.querySelector('details')!;
  afterEach(() => localStorage.clear());

  it('show open above the composer by default', async () => {
    widget = await mountWidget(await createTestContext(), { persona: PERSONAS.alice });
    expect(rules(widget).open).toBe(true);
    expect(rules(widget).querySelector('summary')?.textContent).toBe('Community guidelines');
    expect(rules(widget).compareDocumentPosition(widget.root.querySelector('textarea')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('show folded when the site collapses them', async () => {
    widget = await mountWidget(await site('collapsed'), { persona: PERSONAS.alice });
    expect(rules(widget).open).toBe(false);
    expect(rules(widget).textContent).toContain('Debate ideas, not people.');
  });

  it('show open until the reader has commented on the site, then folded, on this page and the next', async () => {
    const t = await site('before-first-comment');
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    expect(rules(widget).open).toBe(true);
    typeInto(widget.root.querySelector('textarea')!, 'My first comment here.');
    await waitFor(() => !button(widget!.root, 'Post').disabled);
    button(widget.root, 'Post').click();
    await waitFor(() => widget!.root.querySelector('article'), 'the comment');
    expect(rules(widget).open).toBe(false);
    widget.unmount();

    localStorage.clear();
    // Their comment on the page says so even when nothing was remembered.
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    expect(rules(widget).open).toBe(false);
  });

  it('remember the first comment per site, and stay open when storage is refused', async () => {
    const t = await site('before-first-comment');
    localStorage.setItem('parley:commented:daily', '1');
    widget = await mountWidget(t, { persona: PERSONAS.bob });
    expect(rules(widget).open).toBe(false);
    widget.unmount();

    localStorage.clear();
    const refused = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    try {
      widget = await mountWidget(t, { persona: PERSONAS.bob });
      expect(rules(widget).open).toBe(true);
    } finally {
      refused.mockRestore();
    }
  });
});

describe('calls to action', () => {
  it('offer a second, quieter link after the main one', async () => {
    const { callsToAction } = buildSite();
    const secondary = { prompt: 'Already a member?', linkText: 'Sign in', url: '/sign-in' };
    const t = await createTestContext({ site: { callsToAction: { ...callsToAction, guest: { ...callsToAction.guest, secondary } } } });
    widget = await mountWidget(t);
    const links = widget.root.querySelectorAll('.cta a');
    expect([...links].map((a) => a.textContent)).toEqual(['Subscribe', 'Sign in']);
    expect(links[1].getAttribute('href')).toBe(`${location.origin}/sign-in`);
    expect(links[1].parentElement?.textContent).toBe('Already a member? Sign in');
  });
});

describe("the site's own wording", () => {
  it('replaces the catalogue strings and the sentences for error codes it names', async () => {
    const strings = { 'count.other': '{n} reactions', 'compose.as': 'Write as {name}', 'error.thread_closed': 'Comments are closed on this story.' };
    const t = await createTestContext({ site: { settings: SiteSettings.parse({ strings }) } });
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    expect(widget.root.querySelector('h2')?.textContent).toBe('0 reactions');
    expect(widget.root.querySelector('form label')?.textContent).toBe('Write as Alice');
    widget.unmount();

    await t.call('PUT', '/api/v1/sites/daily/admin/threads', { headers: { 'X-Api-Key': TEST_API_KEY }, body: { url: ARTICLE_URL, closed: true } });
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    expect(widget.root.querySelector('.notice')?.textContent).toBe('Comments are closed on this story.');
  });
});

describe("the site's own wording on comments", () => {
  it('covers what every reader sees on a comment and what only members see', async () => {
    const strings = { 'action.reply': 'Answer', 'whose.theirs': 'the post by {name}', 'likes.other': '{n} hearts', 'comment.edited': 'changed' };
    const t = await createTestContext({ site: { settings: SiteSettings.parse({ strings }) } });
    const theirs = await seedComment(t, PERSONAS.bob, 'Worth a reply.');
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    const article = comment(widget.root, theirs.id)!;
    expect(findButton(article, 'Answer')?.getAttribute('aria-label')).toBe('Reply to the post by Bob');
    expect(article.querySelector('.actions .sr')?.textContent).toBe('0 hearts: like the post by Bob');
    widget.unmount();
    widget = await mountWidget(t);
    expect(comment(widget.root, theirs.id)!.querySelector('.actions .sr')?.textContent).toBe('0 hearts');
  });
});

describe('linkTarget', () => {
  const page = 'https://news.example/2026/01/15/city-budget?ref=home';
  it('makes relative links absolute on the host page and keeps absolute http(s) ones', () => {
    expect(linkTarget('/subscribe', page)).toBe('https://news.example/subscribe');
    expect(linkTarget('join', page)).toBe('https://news.example/2026/01/15/join');
    expect(linkTarget('//members.example/join', page)).toBe('https://members.example/join');
    expect(linkTarget('http://members.example/join', page)).toBe('http://members.example/join');
  });

  it('gives no link for an empty address, rather than this page', () => {
    expect(linkTarget('', page)).toBeNull();
  });

  it('refuses every other scheme, however it is disguised', () => {
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'mailto:a@news.example']) {
      expect(linkTarget(url, page)).toBeNull();
    }
  });
});
