// The queue at scale through the real API on every backend: sorts with their cursors, search
// within the site, and the new-members filter.
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import type { QueueItemView } from '../../../shared/schemas/moderation-api';
import { PERSONAS, type TestContext } from '../../support/app';
import { postComment } from '../../support/api';
import { MODERATED, moderatedSite, type ModeratedSite } from '../../support/moderated-site';

const m = apiPaths.moderation;
let t: TestContext;
let current: ModeratedSite | undefined;
afterEach(() => current?.t.close());

async function site(moderation: object = MODERATED) {
  current = await moderatedSite(moderation);
  t = current.t;
  return current;
}

async function page(query: string) {
  const res = await t.call('GET', `${m.queue(t.site.id)}?${query}`, { token: current!.tokens.mod });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { items: QueueItemView[]; nextCursor: string | null; matching: number; asOf: number };
}

/** Every page of a queue, following the cursors. */
async function all(query: string, limit = 2): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const p = await page(`${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    ids.push(...p.items.map((i) => i.id));
    cursor = p.nextCursor;
  } while (cursor);
  return ids;
}

const setScore = (id: string, score: number) =>
  t.client.execute({ sql: 'UPDATE comments SET reasons = ? WHERE id = ?', args: [JSON.stringify([{ ruleId: 'civility', message: 'held', spans: [], score }]), id] });

describe('the queue’s sorts', () => {
  it('pages newest and oldest first, each page disjoint, the two orders the reverse of each other', async () => {
    const { post } = await site();
    const held: string[] = [];
    for (let n = 0; n < 5; n++) held.push(await post(`Comment ${n}: only an idiot would say so.`));
    const newest = await all('queue=pending&sort=newest');
    expect(newest).toEqual([...held].reverse());
    expect(await all('queue=pending&sort=oldest')).toEqual(held);
  });

  it('orders by the highest score the rules held a comment with, ties newest first, across pages', async () => {
    const { post } = await site();
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) ids.push(await post(`Comment ${n}: only an idiot would say so.`));
    await setScore(ids[0], 0.91);
    await setScore(ids[3], 0.75);
    await setScore(ids[1], 0.75);
    expect(await all('queue=pending&sort=score')).toEqual([ids[0], ids[3], ids[1], ids[4], ids[2]]);
  });

  it('orders the reported queue by open reports, most first', async () => {
    const { post, report } = await site({ ...MODERATED, reports: { toQueue: 1, toHide: 0 } });
    const a = await post('The budget is fine.');
    const b = await post('The budget is not fine.');
    const c = await post('The budget is a puzzle.');
    for (const who of ['bob', 'nell', 'sage'] as const) await report(who, b);
    await report('bob', a);
    for (const who of ['bob', 'nell'] as const) await report(who, c);
    expect(await all('queue=reported&sort=reports', 1)).toEqual([b, c, a]);
  });

  it('refuses a cursor of one sort for another, and an unknown sort', async () => {
    const { post } = await site();
    for (let n = 0; n < 3; n++) await post(`Comment ${n}: only an idiot would say so.`);
    const first = await page('queue=pending&sort=newest&limit=1');
    const res = await t.call('GET', `${m.queue(t.site.id)}?queue=pending&sort=score&cursor=${first.nextCursor}`, { token: current!.tokens.mod });
    expect(res.status).toBe(400);
    expect((await t.call('GET', `${m.queue(t.site.id)}?sort=loudest`, { token: current!.tokens.mod })).status).toBe(400);
  });
});

describe('searching the queue', () => {
  it('finds words in bodies and authors’ names, by the start of a word and without accents, and counts what matches', async () => {
    const { post } = await site();
    const bus = await post('Only an idiot cuts the night bus.');
    await post('Only an idiot closes the library.');
    expect((await page('queue=pending&q=noct')).items).toEqual([]);
    const found = await page('queue=pending&q=NIGHT%20bu');
    expect(found.items.map((i) => i.id)).toEqual([bus]);
    expect(found.matching).toBe(1);
    // Alice's comments, by her name.
    expect((await page('queue=pending&q=alic')).items).toHaveLength(2);
    // FTS5's own syntax is taken as words.
    expect((await page('queue=pending&q=%22bus%22%20OR%20NEAR(')).items).toEqual([]);
    expect((await page('queue=pending&q=%22%2A')).items).toHaveLength(2);
  });

  it('follows edits and deletions, and an author’s new name', async () => {
    const { post } = await site();
    const id = await post('Only an idiot cuts the tram.');
    await t.client.execute({ sql: 'UPDATE comments SET body_src = ? WHERE id = ?', args: ['Only an idiot cuts the ferry.', id] });
    expect((await page('queue=pending&q=tram')).items).toEqual([]);
    expect((await page('queue=pending&q=ferry')).items.map((i) => i.id)).toEqual([id]);
    // Signing in again under a new name renames the member.
    const renamed = await t.sign({ ...PERSONAS.alice, name: 'Alicia Quorn' });
    await postComment(t, current!.thread.id, renamed, 'Only an idiot cuts the metro.');
    expect((await page('queue=pending&q=quorn')).items).toHaveLength(2);
  });

  it('never finds another site’s comments', async () => {
    const { post } = await site();
    await post('Only an idiot cuts the night bus.');
    const now = t.clock.now;
    await t.client.batch(
      [
        { sql: "INSERT INTO sites (id, name, allowed_origins, sso, policy, calls_to_action, created_at) VALUES ('other', 'Other', '[]', '{}', '{}', '{}', ?)", args: [now] },
        { sql: "INSERT INTO threads (id, site_id, page_key, url, title, section, created_at) VALUES ('ot1', 'other', 'k', 'https://other.example/a', 'A', 'news', ?)", args: [now] },
        { sql: "INSERT INTO users (id, site_id, external_id, display_name, created_at, updated_at) VALUES ('ou1', 'other', 'x', 'Night Owl', ?, ?)", args: [now, now] },
        {
          sql: `INSERT INTO comments (id, site_id, thread_id, root_id, depth, author_id, body_src, body_html, status, created_at)
                VALUES ('oc1', 'other', 'ot1', 'oc1', 0, 'ou1', 'The night bus is great', '<p>The night bus is great</p>', 'pending', ?)`,
          args: [now],
        },
      ],
      'write',
    );
    const found = await page('queue=pending&q=night');
    expect(found.items.map((i) => i.thread.url)).toEqual([current!.thread.url]);
    expect(found.matching).toBe(1);
  });
});

describe('the new-members filter', () => {
  it('lists comments posted while their author was new, as the badge says', async () => {
    const { post, act, tokens } = await site();
    const first = await post('Only an idiot, first.');
    const second = await post('Only an idiot, second.');
    // Two comments published make Alice a member of standing (approvedNeeded: 2).
    await act(first, { action: 'approve' });
    await act(second, { action: 'approve' });
    const later = await post('Only an idiot, later.');
    t.clock.now += 1000;
    const newcomer = (await postComment(t, current!.thread.id, tokens.bob, 'Only an idiot, says a newcomer.')).id;
    const listed = await page('queue=pending&members=new');
    expect(listed.items.map((i) => i.id)).toEqual([newcomer]);
    expect(listed.items[0].context?.newMember).toBe(true);
    expect(listed.matching).toBe(1);
    expect((await page('queue=pending')).items.find((i) => i.id === later)?.context?.newMember).toBe(false);
  });
});

describe('the banner’s poll', () => {
  it('counts the comments that came in under the filters after a time', async () => {
    const { post, tokens } = await site();
    await post('Only an idiot cuts the bus.');
    // The page says when the server read it, and that is what the banner asks from.
    const since = (await page('queue=pending')).asOf;
    expect(since).toBe(t.clock.now);
    await post('Only an idiot cuts the tram.');
    await post('Only an idiot cuts the ferry.');
    const res = await t.call('GET', `${m.queueNewer(t.site.id)}?queue=pending&since=${since}&q=tram`, { token: tokens.mod });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.newer).toBe(1);
    expect(body.counts.pending).toBe(3);
  });
});
