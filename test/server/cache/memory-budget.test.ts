// The guest cache is bounded by bytes, and junk in the query string never makes a second copy of a
// page: what was 400 copies of a 1.4 MB page is one.
import { afterEach, describe, expect, it } from 'vitest';
import { ByteBudgetMap } from '../../../server/cache/byte-budget-map';
import { memoryResponseCache } from '../../../server/cache/response-cache';
import { apiPaths } from '../../../shared/api-paths';
import { ARTICLE_URL, createTestContext, PERSONAS, type TestContext } from '../../support/app';
import { openThread, postComment, threadPath, withoutFloodLimit } from '../../support/api';

let t: TestContext;
afterEach(() => t?.close());

describe('a byte-bounded map', () => {
  it('drops the oldest entries to stay within its bytes, and keeps nothing larger than the budget', () => {
    const map = new ByteBudgetMap<string>(10_000, 0);
    for (let i = 0; i < 50; i++) map.set(`k${i}`, 'x', 1000);
    expect(map.bytes).toBeLessThanOrEqual(10_000);
    expect(map.get('k49')).toBe('x');
    expect(map.get('k0')).toBeUndefined();
    map.set('huge', 'x', 20_000);
    expect(map.get('huge')).toBeUndefined();
    map.set('k49', 'y', 10);
    expect(map.get('k49')).toBe('y');
    expect(map.bytes).toBeLessThanOrEqual(10_000);
  });
});

describe('the memory response cache', () => {
  it('holds at most its byte budget however many pages are put in it', async () => {
    const cache = memoryResponseCache({ maxBytes: 1024 * 1024 });
    const page = 'x'.repeat(100_000);
    for (let i = 0; i < 100; i++) await cache.put(`page ${i}`, new Response(page), 60);
    expect(cache.bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(cache.size).toBeGreaterThan(5);
    expect(await (await cache.match('page 99'))?.text()).toBe(page);
    expect(await cache.match('page 0')).toBeNull();
  });
});

describe('guest thread reads', () => {
  it('keep one copy of a page however much junk its query strings carry', async () => {
    const cache = memoryResponseCache({ now: () => t.clock.now });
    t = await createTestContext({ site: withoutFloodLimit(), deps: { responseCache: cache, guestRevalidateMs: 1000 } });
    const alice = await t.sign(PERSONAS.alice);
    const thread = (await openThread(t, { token: alice })).thread;
    for (let i = 0; i < 5; i++) await postComment(t, thread.id, alice, `A comment of some length, number ${i}. `.repeat(20));
    const first = await t.call('GET', threadPath(t.site.id, { url: ARTICLE_URL }));
    expect(first.status).toBe(200);
    const entries = cache.size;
    const bytes = cache.bytes;

    const spellings = (i: number): Record<string, string>[] => [
      { url: `${ARTICLE_URL}?utm_source=${i}` },
      { url: `${ARTICLE_URL}#c${i}` },
      { url: `${ARTICLE_URL}/`, junk: String(i) },
      { url: ARTICLE_URL.replace('news.example', 'NEWS.example'), title: `Title ${i}` },
    ];
    for (let i = 0; i < 100; i++) {
      for (const params of spellings(i)) {
        const res = await t.call('GET', threadPath(t.site.id, params));
        expect(res.status).toBe(200);
        expect((await res.json()).comments).toHaveLength(5);
      }
    }
    expect(cache.size).toBe(entries);
    expect(cache.bytes).toBe(bytes);

    // The comment pages too: junk beside the cursor makes no new copy.
    const pages = () => t.call('GET', `${apiPaths.comments(t.site.id, thread.id)}?limit=2&x=${Math.random()}`);
    await pages();
    const afterFirstPage = cache.size;
    for (let i = 0; i < 20; i++) expect((await pages()).status).toBe(200);
    expect(cache.size).toBe(afterFirstPage);
  });
});
