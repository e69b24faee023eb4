// Throws a thousand malformed requests at the app: none may crash it, every refusal is a coded JSON error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../shared/api-paths';
import { ERROR_STATUS } from '../../shared/errors';
import { ARTICLE_URL, createTestContext, PERSONAS, TEST_API_KEY, TEST_ORIGIN, type TestContext } from '../support/app';
import { openThread, postComment } from '../support/api';

let t: TestContext;
let realThreadId: string;
let realCommentId: string;
let token: string;
const errors: unknown[] = [];

beforeAll(async () => {
  t = await createTestContext({ deps: { log: (_message, error) => errors.push(error) } });
  token = await t.sign(PERSONAS.alice);
  realThreadId = (await openThread(t)).thread.id;
  realCommentId = (await postComment(t, realThreadId, await t.sign(PERSONAS.bob), 'target')).id;
});
afterAll(() => t.close());

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return { next, pick };
}

const JUNK_IDS = ['', ' ', 'x'.repeat(70), '..', '%2e%2e', '%', '%zz', "'; DROP TABLE comments;--", '🙂', 'null', '0', '-', '__proto__', 'a/b', 'a?b', 'a#b'];
const JUNK_URLS = ['https://', 'http://[::1', 'https://news.example:99999/a', 'ftp://news.example/a', 'https://news.example/%', `${TEST_ORIGIN}/a b`, 'HTTPS://NEWS.EXAMPLE/A/'];
const JUNK_STRINGS = ['', 'x', 'x'.repeat(6000), '\u0000', '<script>', '{"a":', 'null', '💥'.repeat(100), 'https://', 'javascript:x'];

describe('fuzzing the API', () => {
  it('never answers 500 and always explains a 4xx with a JSON error code', async () => {
    const r = random(20260115);
    const ids = () => r.pick([realThreadId, realCommentId, 'nosuchthing', ...JUNK_IDS]);
    const sites = () => (r.next() < 0.8 ? 'daily' : r.pick(['nosuch', 'DAILY', '', '%00']));
    // Real routes with their own method most of the time, so requests get past routing into validation and services.
    const routes: [string, (site: string) => string][] = [
      ['GET', (site) => apiPaths.thread(site)],
      ['GET', (site) => apiPaths.comments(site, ids())],
      ['POST', (site) => apiPaths.comments(site, ids())],
      ['PATCH', (site) => apiPaths.comment(site, ids())],
      ['DELETE', (site) => apiPaths.comment(site, ids())],
      ['GET', (site) => apiPaths.conversation(site, ids())],
      ['PUT', (site) => apiPaths.like(site, ids())],
      ['DELETE', (site) => apiPaths.like(site, ids())],
      ['GET', (site) => apiPaths.counts(site)],
      ['PUT', (site) => apiPaths.adminThreads(site)],
      ['GET', (site) => `/api/v1/sites/${site}/${r.pick(JUNK_IDS)}`],
      ['GET', () => r.pick(['/', '/api', '/api/v1', '/api/v1/sites', '/api/v1/health', '//api/v1/sites/daily/thread'])],
    ];
    const request = () => {
      const [routeMethod, build] = r.pick(routes);
      const method = r.next() < 0.6 ? routeMethod : r.pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']);
      const path = build(sites());
      const query = r.pick([
        '',
        `?url=${encodeURIComponent(ARTICLE_URL)}`,
        `?url=${encodeURIComponent(r.pick(JUNK_STRINGS))}`,
        `?url=${encodeURIComponent(r.pick(JUNK_URLS))}`,
        `?url=${encodeURIComponent(r.pick(JUNK_URLS))}&pageId=p2`,
        `?url=${encodeURIComponent(ARTICLE_URL)}&url=${encodeURIComponent(r.pick(JUNK_STRINGS))}&pageId=${encodeURIComponent(r.pick(JUNK_STRINGS))}`,
        `?sort=${r.pick(['top', 'old', ''])}&limit=${r.pick(['1', '0', '-5', '1e3', 'NaN', '50'])}&cursor=${encodeURIComponent(r.pick(JUNK_STRINGS))}`,
        `?url=${encodeURIComponent(`${TEST_ORIGIN}/fuzz/${Math.floor(r.next() * 5)}`)}&pageId=${r.pick(['p1', '', 'x'.repeat(250)])}&title=${r.pick(['t', 'x'.repeat(400)])}`,
        '?%zz=%zz',
      ]);
      return { method, path: path + query };
    };
    const bodies = (): string | undefined =>
      r.pick([
        () => undefined,
        () => JSON.stringify({ body: r.pick(JUNK_STRINGS) }),
        () => JSON.stringify({ body: 'fine comment', parentId: ids() }),
        () => JSON.stringify({ body: r.pick([1, null, [], {}, true]) }),
        () => JSON.stringify({ url: r.pick([ARTICLE_URL, ...JUNK_STRINGS, ...JUNK_URLS]), section: r.pick(['news', 'BAD', 1]), closed: r.pick([true, 'no']) }),
        () => JSON.stringify(r.pick([null, 1, 'str', [], [1, 2], { __proto__: { body: 'x' } }])),
        () => r.pick(JUNK_STRINGS),
        () => '{"body":"' + 'y'.repeat(70 * 1024) + '"}',
      ])();
    const headers = (): Record<string, string> => {
      const h: Record<string, string> = {};
      if (r.next() < 0.6) h['Content-Type'] = r.pick(['application/json', 'text/plain', 'application/json; charset=utf-8', 'application/problem+json', 'multipart/form-data', '']);
      if (r.next() < 0.5) h.Authorization = r.next() < 0.5 ? `Bearer ${token}` : r.pick(['Bearer ', 'Bearer garbage', 'Basic dXNlcjpwYXNz', `Bearer ${token}x`, 'Bearer a.b.c', 'Bearer eyJhbGciOiJub25lIn0.e30.']);
      if (r.next() < 0.3) h['X-Api-Key'] = r.pick([TEST_API_KEY, 'wrong', '']);
      if (r.next() < 0.3) h.Origin = r.pick([TEST_ORIGIN, 'https://evil.example', 'null']);
      return h;
    };

    const failures: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const { method, path } = request();
      const init: RequestInit = { method, headers: headers() };
      if (method !== 'GET' && method !== 'HEAD') init.body = bodies();
      const label = `#${i} ${method} ${path.slice(0, 120)} ${JSON.stringify(init.headers)} ${String(init.body).slice(0, 80)}`;
      let res: Response;
      try {
        res = await t.app.request(path, init);
      } catch (error) {
        failures.push(`${label} threw ${String(error)}`);
        continue;
      }
      if (res.status >= 500) failures.push(`${label} → ${res.status} ${await res.text()}`);
      else if (res.status >= 400 && method !== 'HEAD') {
        const body = await res.json().catch(() => null);
        const code = body?.error?.code;
        if (!(code in ERROR_STATUS) || ERROR_STATUS[code as keyof typeof ERROR_STATUS] !== res.status) {
          failures.push(`${label} → ${res.status} without a matching error code: ${JSON.stringify(body)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(errors).toEqual([]);
  });
});
