import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SiteSettings } from '../../../../shared/schemas/site';
import { scoreExternally } from '../../../../server/services/moderation/external-scorer';
import { createTestContext, PERSONAS, type TestContext } from '../../../support/app';
import { openThread } from '../../../support/api';
import { apiPaths } from '../../../../shared/api-paths';

// A real scorer on loopback: answers per path, and checks the signature it was sent.
let server: Server;
let base: string;
const SECRET = 'scorer-secret';
let lastSignatureValid = false;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const expected = 'sha256=' + createHmac('sha256', SECRET).update(body).digest('hex');
      lastSignatureValid = req.headers['x-parley-signature'] === expected;
      if (req.url === '/slow') return void setTimeout(() => res.end('{}'), 1000);
      if (req.url === '/garbage') return void res.end('not json');
      if (req.url === '/error') return void ((res.statusCode = 500), res.end('{}'));
      const text = JSON.parse(body).text as string;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(text.includes('spam') ? { spam: 0.97, attack: 0.1 } : { attack: 0.02, fearAnger: 0.01 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const config = (path: string, timeoutMs = 300) =>
  SiteSettings.parse({ moderation: { externalScorer: { enabled: true, url: base + path, secret: SECRET, timeoutMs } } }).moderation.externalScorer;
const request = { siteId: 'daily', threadId: 't1', authorId: 'u1', text: 'Buy cheap spam pills' };

describe('external scorer', () => {
  it('sends a signed request and returns the scores', async () => {
    const scores = await scoreExternally(fetch, config('/score'), request);
    expect(scores).toEqual({ status: 'ok', spam: 0.97, attack: 0.1 });
    expect(lastSignatureValid).toBe(true);
  });

  it('gives up at the timeout, and reports errors and bad bodies as failures', async () => {
    const started = Date.now();
    expect(await scoreExternally(fetch, config('/slow', 100), request)).toMatchObject({ status: 'failed', error: 'no answer within 100 ms' });
    expect(Date.now() - started).toBeLessThan(900);
    expect((await scoreExternally(fetch, config('/garbage'), request)).status).toBe('failed');
    expect((await scoreExternally(fetch, config('/error'), request)).status).toBe('failed');
  });

  it('is not called when switched off', async () => {
    const off = SiteSettings.parse({}).moderation.externalScorer;
    expect(await scoreExternally(() => Promise.reject(new Error('called')), off, request)).toEqual({ status: 'off' });
  });
});

describe('external scorer in the pipeline', () => {
  let t: TestContext;
  afterEach(() => t?.close());

  async function post(path: string, body: string) {
    t = await createTestContext({
      site: { settings: SiteSettings.parse({ moderation: { nudge: false, externalScorer: { enabled: true, url: base + path, secret: SECRET, timeoutMs: 150 } } }) },
      deps: { fetch: (url, init) => fetch(url, init) },
    });
    const token = await t.sign(PERSONAS.alice);
    const thread = (await openThread(t, { token })).thread;
    const res = await t.call('POST', apiPaths.comments('daily', thread.id), { token, body: { body } });
    return (await res.json()).comment;
  }

  it('holds a comment its scores flag, with the scorer as the reason', async () => {
    const comment = await post('/score', 'Totally legit offer, not spam at all');
    expect(comment.status).toBe('pending');
    const row = await t.client.execute({ sql: 'SELECT reasons FROM comments WHERE id = ?', args: [comment.id] });
    expect(JSON.parse(String(row.rows[0].reasons))).toEqual([expect.objectContaining({ ruleId: 'external-scorer', score: 0.97 })]);
  });

  it('falls back to the built-in checks when the scorer times out', async () => {
    const comment = await post('/slow', 'A calm remark about bus timetables');
    expect(comment.status).toBe('published');
  });
});
