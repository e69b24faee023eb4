// The widget's call-to-action events: counted per day by the thread's section and the verified
// token's tier (never the page's word for either), per address within the site's limit, refused
// as JSON errors when malformed, and summed in the moderator's statistics.
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths, ctaEventsPath } from '../../../shared/api-paths';
import { SiteSettings } from '../../../shared/schemas/site';
import { ARTICLE_URL, createTestContext, NEWSLETTER_URL, PERSONAS, TEST_API_KEY, TEST_ORIGIN, type TestContext } from '../../support/app';
import { openThread, refusal } from '../../support/api';
import { buildSite } from '../../support/site';

let t: TestContext;
afterEach(() => t?.close());

const DAY_MS = 24 * 3600 * 1000;

async function site(rateLimits: Record<string, number> = {}) {
  t = await createTestContext({ site: { settings: SiteSettings.parse({ rateLimits }) } });
  const news = (await openThread(t, { url: ARTICLE_URL })).thread;
  const newsletter = (await openThread(t, { url: NEWSLETTER_URL })).thread;
  return { news, newsletter };
}

/** As navigator.sendBeacon sends it: JSON as text/plain, from the article's page. */
function beacon(body: unknown, o: { siteId?: string; address?: string; origin?: string; type?: string } = {}) {
  return t.call('POST', ctaEventsPath(o.siteId ?? t.site.id), {
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'Content-Type': o.type ?? 'text/plain;charset=UTF-8', Origin: o.origin ?? TEST_ORIGIN, 'CF-Connecting-IP': o.address ?? '198.51.100.7' },
  });
}

async function stats() {
  const res = await t.call('GET', apiPaths.moderation.stats(t.site.id), { headers: { 'X-Api-Key': TEST_API_KEY } });
  expect(res.status).toBe(200);
  return (await res.json()).callsToAction as { section: string; tier: string; kind: string; impressions: number; clicks: number; clickThroughRate: number | null }[];
}

const storedRows = async () => (await t.client.execute('SELECT site_id, day, section, tier, kind, impressions, clicks FROM cta_daily ORDER BY section, tier')).rows.map((r) => ({ ...r }));

describe('call-to-action events', () => {
  it('counts impressions and clicks by the thread’s section and the token’s tier, whatever the page says', async () => {
    const { news, newsletter } = await site();
    const nell = await t.sign(PERSONAS.nell);
    for (const body of [
      { threadId: news.id, kind: 'guest', event: 'impression' },
      { threadId: news.id, kind: 'guest', event: 'impression', tier: 'member' },
      { threadId: news.id, kind: 'guest', event: 'click' },
      { threadId: newsletter.id, kind: 'guest', event: 'impression' },
      // Nell's tier is "newsletter": the tier the page names is never what is counted.
      { threadId: news.id, kind: 'upgrade', event: 'impression', token: nell, tier: 'member' },
      { threadId: news.id, kind: 'upgrade', event: 'click', token: nell },
    ]) {
      const res = await beacon(body);
      expect(res.status, await res.clone().text()).toBe(204);
      expect(await res.text()).toBe('');
    }
    // application/json is as good, for the fetch the widget falls back to.
    expect((await beacon({ threadId: news.id, kind: 'upgrade', event: 'impression', token: nell }, { type: 'application/json' })).status).toBe(204);

    expect(await storedRows()).toEqual([
      { site_id: 'daily', day: '2026-01-15', section: 'news', tier: 'guest', kind: 'guest', impressions: 2, clicks: 1 },
      { site_id: 'daily', day: '2026-01-15', section: 'news', tier: 'newsletter', kind: 'upgrade', impressions: 2, clicks: 1 },
      { site_id: 'daily', day: '2026-01-15', section: 'newsletter', tier: 'guest', kind: 'guest', impressions: 1, clicks: 0 },
    ]);
  });

  it('sums the last 30 days in the moderator’s statistics, with the click-through rate', async () => {
    const { news, newsletter } = await site();
    const alice = await t.sign(PERSONAS.alice);
    const today = t.clock.now;
    // Counted on their own days, then summed; a day past the window is left out.
    t.clock.now = today - 31 * DAY_MS;
    expect((await beacon({ threadId: news.id, kind: 'guest', event: 'click' })).status).toBe(204);
    t.clock.now = today - 3 * DAY_MS;
    for (let i = 0; i < 3; i++) await beacon({ threadId: news.id, kind: 'guest', event: 'impression' });
    t.clock.now = today;
    await beacon({ threadId: news.id, kind: 'guest', event: 'impression' });
    await beacon({ threadId: news.id, kind: 'guest', event: 'click' });
    await beacon({ threadId: newsletter.id, kind: 'upgrade', event: 'impression', token: alice });
    expect(await stats()).toEqual([
      { section: 'news', tier: 'guest', kind: 'guest', impressions: 4, clicks: 1, clickThroughRate: 0.25 },
      { section: 'newsletter', tier: 'member', kind: 'upgrade', impressions: 1, clicks: 0, clickThroughRate: 0 },
    ]);
  });

  it('refuses another site’s thread, and an unknown site, storing nothing', async () => {
    const { news } = await site();
    await t.store.saveSite(buildSite({ id: 'other', allowedOrigins: ['https://other.example'] }), t.clock.now);
    const theirs = (await openThread(t, { siteId: 'other', url: 'https://other.example/2026/01/15/story' })).thread;
    expect(await refusal(await beacon({ threadId: theirs.id, kind: 'guest', event: 'impression' }))).toMatchObject({ status: 404, code: 'thread_not_found' });
    expect(await refusal(await beacon({ threadId: news.id, kind: 'guest', event: 'impression' }, { siteId: 'other', origin: 'https://other.example' }))).toMatchObject({
      status: 404,
      code: 'thread_not_found',
    });
    // A token made for the other site does not count here either.
    const theirMember = await t.sign(PERSONAS.alice, { audience: 'other' });
    expect(await refusal(await beacon({ threadId: news.id, kind: 'upgrade', event: 'impression', token: theirMember }))).toMatchObject({ status: 401, code: 'token_wrong_audience' });
    expect(await refusal(await beacon({ threadId: news.id, kind: 'guest', event: 'impression' }, { siteId: 'nosuchsite' }))).toMatchObject({ status: 404, code: 'site_not_found' });
    expect(await storedRows()).toEqual([]);
  });

  it('refuses a page on an origin the site does not allow, readable by it, and counts nothing', async () => {
    const { news } = await site();
    const res = await beacon({ threadId: news.id, kind: 'guest', event: 'click' }, { origin: 'https://elsewhere.example' });
    expect(await refusal(res.clone())).toMatchObject({ status: 403, code: 'origin_not_allowed' });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://elsewhere.example');
    expect((await beacon({ threadId: news.id, kind: 'guest', event: 'click' })).headers.get('Access-Control-Allow-Origin')).toBe(TEST_ORIGIN);
    expect(await storedRows()).toHaveLength(1);
  });

  it('answers malformed events 400 (or 415, 401) as JSON errors, never 500, and counts none', async () => {
    const { news } = await site();
    const cases: [body: unknown, status: number, code: string, type?: string][] = [
      ['{"threadId":', 400, 'malformed_json'],
      ['', 400, 'malformed_json'],
      [[], 400, 'invalid_input'],
      [null, 400, 'invalid_input'],
      [{ threadId: news.id, kind: 'guest' }, 400, 'invalid_input'],
      [{ threadId: news.id, kind: 'subscribe', event: 'impression' }, 400, 'invalid_input'],
      [{ threadId: news.id, kind: 'guest', event: 'impression', extra: 1 }, 400, 'invalid_input'],
      [{ threadId: '../../etc', kind: 'guest', event: 'impression' }, 400, 'invalid_input'],
      [{ threadId: news.id, kind: 'guest', event: 'impression', tier: 'x'.repeat(65) }, 400, 'invalid_input'],
      // Members get the upgrade message, guests the invitation: the other pairings are not shown.
      [{ threadId: news.id, kind: 'upgrade', event: 'impression' }, 400, 'invalid_input'],
      [{ threadId: news.id, kind: 'guest', event: 'impression', token: await t.sign(PERSONAS.nell) }, 400, 'invalid_input'],
      [{ threadId: news.id, kind: 'upgrade', event: 'click', token: 'not.a.token' }, 401, 'token_invalid'],
      [{ threadId: news.id, kind: 'guest', event: 'impression' }, 415, 'unsupported_media_type', 'application/x-www-form-urlencoded'],
    ];
    for (const [body, status, code, type] of cases) {
      const res = await beacon(body, { type });
      expect(await refusal(res), JSON.stringify(body)).toMatchObject({ status, code });
    }
    expect(await refusal(await beacon({ threadId: news.id, kind: 'upgrade', event: 'impression' }))).toMatchObject({
      fields: { kind: 'is shown to signed-in members only' },
    });
    expect(await storedRows()).toEqual([]);
  });

  it('limits events per address to the site’s addressCtaEventsPerMinute, 429 with Retry-After, other addresses unaffected', async () => {
    const { news } = await site({ addressCtaEventsPerMinute: 3 });
    t.clock.now = Math.ceil(t.clock.now / 60_000) * 60_000;
    for (let i = 0; i < 3; i++) expect((await beacon({ threadId: news.id, kind: 'guest', event: 'impression' })).status).toBe(204);
    const limited = await beacon({ threadId: news.id, kind: 'guest', event: 'impression' });
    expect(await refusal(limited.clone())).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(limited.headers.get('Retry-After'))).toBe(60);
    expect((await beacon({ threadId: news.id, kind: 'guest', event: 'impression' }, { address: '198.51.100.8' })).status).toBe(204);
    t.clock.now += 60_000;
    expect((await beacon({ threadId: news.id, kind: 'guest', event: 'click' })).status).toBe(204);
    expect(await storedRows()).toEqual([expect.objectContaining({ impressions: 4, clicks: 1 })]);
  });

  it('defaults to 60 events a minute from one address', async () => {
    expect(SiteSettings.parse({}).rateLimits.addressCtaEventsPerMinute).toBe(60);
  });
});
