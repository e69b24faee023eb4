// Threads closing by age (settings.autoClose): past its days a thread takes no comments or replies
// and reads as closed, counted from the article's publication or its first comment, a section its
// own way; a moderator who reopens such a thread keeps it open, until a moderator decides otherwise.
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { SiteSettings, type AutoClose } from '../../../shared/schemas/site';
import { ARTICLE_URL, createTestContext, NEWSLETTER_URL, PERSONAS, TEST_API_KEY, type TestContext } from '../../support/app';
import { openThread, postComment, refusal, threadPath, upsertThread } from '../../support/api';

const m = apiPaths.moderation;
const DAY = 24 * 3600 * 1000;
let t: TestContext;
afterEach(() => t?.close());

async function siteClosingAfter(autoClose: Partial<AutoClose>) {
  t = await createTestContext({ site: { settings: SiteSettings.parse({ autoClose, moderation: { nudge: false, rules: { flooding: { enabled: false } } } }) } });
}

/** Registers a page through the site API, published `daysAgo` days before the test clock. */
async function published(url: string, daysAgo: number): Promise<string> {
  const res = await upsertThread(t, { url, title: 'An article', publishedAt: t.clock.now - daysAgo * DAY });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()).thread.id;
}

// Tokens live an hour and these tests move the clock by days: each request signs its own.
const alice = () => t.sign(PERSONAS.alice);
const mod = async () => ({ token: await t.sign(PERSONAS.mod) });

const post = async (threadId: string, body: string, parentId?: string) =>
  t.call('POST', apiPaths.comments(t.site.id, threadId), { token: await alice(), body: parentId ? { body, parentId } : { body } });

describe('closing threads by age', () => {
  it('refuses comments and replies once the article is older than afterDays, and reads as closed', async () => {
    await siteClosingAfter({ afterDays: 7, from: 'published' });
    const fresh = await published(ARTICLE_URL, 6);
    const first = await postComment(t, fresh, await alice(), 'Posted while it was open.');
    expect((await openThread(t, { token: await alice() })).thread.closed).toBe(false);

    t.clock.now += 1 * DAY;
    const view = await openThread(t, { token: await alice() });
    expect(view.thread.closed).toBe(true);
    expect(view.viewer).toMatchObject({ canComment: false, reason: 'thread_closed' });
    expect(await refusal(await post(fresh, 'Too late.'))).toMatchObject({ status: 403, code: 'thread_closed' });
    expect((await refusal(await post(fresh, 'A late reply.', first.id))).code).toBe('thread_closed');
    // What was there stays readable.
    expect(view.comments.map((c) => c.id)).toEqual([first.id]);
  });

  it('does not answer a guest 304 from before the thread closed: the ETag knows the thread’s age', async () => {
    await siteClosingAfter({ afterDays: 2 });
    await published(ARTICLE_URL, 1);
    const path = threadPath(t.site.id, { url: ARTICLE_URL });
    const open = await t.call('GET', path);
    const etag = open.headers.get('ETag')!;
    expect((await t.call('GET', path, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    t.clock.now += 1 * DAY;
    const closed = await t.call('GET', path, { headers: { 'If-None-Match': etag } });
    expect(closed.status).toBe(200);
    expect((await closed.json()).thread.closed).toBe(true);
  });

  it('counts from a thread’s first comment when asked to, and leaves a thread nobody commented on open', async () => {
    await siteClosingAfter({ afterDays: 3, from: 'firstComment' });
    const quiet = await published(NEWSLETTER_URL, 100);
    const busy = await published(ARTICLE_URL, 100);
    await postComment(t, busy, await alice(), 'The first word, a hundred days on.');
    t.clock.now += 3 * DAY - 1000;
    expect((await post(busy, 'Still within three days.')).status).toBe(201);
    t.clock.now += 1000;
    expect((await refusal(await post(busy, 'Three days after the first.'))).code).toBe('thread_closed');
    expect((await post(quiet, 'The first comment here opens its clock.')).status).toBe(201);
  });

  it('lets a section close sooner, later or never', async () => {
    await siteClosingAfter({ afterDays: 30, bySection: { newsletter: { afterDays: null }, news: { afterDays: 5 } } });
    const news = await published(ARTICLE_URL, 6);
    const newsletter = await published(NEWSLETTER_URL, 400);
    expect((await refusal(await post(news, 'News closes after five days.'))).code).toBe('thread_closed');
    expect((await post(newsletter, 'The newsletter never closes.')).status).toBe(201);
    // Without a publication date, the thread's own creation is where its age starts.
    const opened = (await openThread(t, { url: 'https://news.example/opinion/late' })).thread;
    t.clock.now += 5 * DAY;
    expect((await refusal(await post(opened.id, 'Five days since the page first asked.'))).code).toBe('thread_closed');
  });

  it('keeps a thread open once a moderator reopens it, until a moderator closes it again or the reopen is undone', async () => {
    await siteClosingAfter({ afterDays: 7 });
    const id = await published(ARTICLE_URL, 10);
    const listed = async () => (await (await t.call('GET', m.threads(t.site.id), await mod())).json()).threads[0];
    expect(await listed()).toMatchObject({ id, closed: true, autoClosed: true });

    const reopened = await (await t.call('POST', m.thread(t.site.id, id), { ...(await mod()), body: { action: 'reopen' } })).json();
    expect(reopened.thread.closed).toBe(false);
    expect((await post(id, 'Open again, by a moderator’s decision.')).status).toBe(201);
    t.clock.now += 365 * DAY;
    expect((await openThread(t)).thread.closed).toBe(false);
    expect(await listed()).toMatchObject({ closed: false, autoClosed: false });
    // The site API registering the page again changes nothing of that.
    await published(ARTICLE_URL, 400);
    expect((await post(id, 'Still open.')).status).toBe(201);

    // Undoing the reopen puts the age back in charge.
    expect((await t.call('POST', m.undo(t.site.id, reopened.action.id), await mod())).status).toBe(200);
    expect((await refusal(await post(id, 'Closed by age again.'))).code).toBe('thread_closed');

    // Reopened again, then closed by hand and reopened: the last reopen keeps it open once more.
    await t.call('POST', m.thread(t.site.id, id), { ...(await mod()), body: { action: 'reopen' } });
    await t.call('POST', m.thread(t.site.id, id), { ...(await mod()), body: { action: 'close' } });
    expect((await refusal(await post(id, 'Closed by hand.'))).code).toBe('thread_closed');
    await t.call('POST', m.thread(t.site.id, id), { headers: { 'X-Api-Key': TEST_API_KEY }, body: { action: 'reopen' } });
    expect((await post(id, 'Reopened by the site owner.')).status).toBe(201);
  });

  it('is off by default: old threads stay open', async () => {
    t = await createTestContext();
    const id = await published(ARTICLE_URL, 3000);
    expect((await post(id, 'Eight years on, still open.')).status).toBe(201);
  });
});
