import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SiteSettings } from '../../../../shared/schemas/site';
import { scoreExternally } from '../../../../server/services/moderation/external-scorer';
import { nodeOutbound, publicOnlyLookup } from '../../../../server/runtime/node-outbound';
import { guardedFetch } from '../../../../server/services/outbound/guarded-fetch';
import { createTestContext, PERSONAS, TEST_API_KEY, type TestContext } from '../../../support/app';
import { BACKEND } from '../../../support/backends/provided';
import { openThread, refusal } from '../../../support/api';
import { apiPaths } from '../../../../shared/api-paths';

// A real scorer on loopback: answers per path, and checks the signature it was sent.
let server: Server;
let base: string;
const SECRET = 'scorer-secret';
let lastSignatureValid = false;
let received = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received += 1;
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

// The scorer here is on loopback: a site must ask for private addresses, and only Node allows it.
const config = (path: string, timeoutMs = 300, allowPrivateNetwork = true) =>
  SiteSettings.parse({ moderation: { externalScorer: { enabled: true, url: base + path, secret: SECRET, timeoutMs, allowPrivateNetwork } } }).moderation.externalScorer;
const onNode = { outbound: nodeOutbound, privateNetworkAllowed: true };
const NO_ANSWER = { status: 'failed', error: 'the scorer gave no usable answer in time' };
const request = { siteId: 'daily', threadId: 't1', authorId: 'u1', text: 'Buy cheap spam pills' };

describe('external scorer', () => {
  it('sends a signed request and returns the scores', async () => {
    const scores = await scoreExternally(onNode, config('/score'), request);
    expect(scores).toEqual({ status: 'ok', spam: 0.97, attack: 0.1 });
    expect(lastSignatureValid).toBe(true);
  });

  it('gives up at the timeout, and reports errors and bad bodies as failures', async () => {
    const started = Date.now();
    expect(await scoreExternally(onNode, config('/slow', 100), request)).toEqual(NO_ANSWER);
    expect(Date.now() - started).toBeLessThan(900);
    expect(await scoreExternally(onNode, config('/garbage'), request)).toEqual(NO_ANSWER);
    expect(await scoreExternally(onNode, config('/error'), request)).toEqual(NO_ANSWER);
  });

  it('is not called when switched off', async () => {
    const off = SiteSettings.parse({}).moderation.externalScorer;
    expect(await scoreExternally({ outbound: () => Promise.reject(new Error('called')), privateNetworkAllowed: true }, off, request)).toEqual({ status: 'off' });
  });

  it('never calls a private address unless the site asked for it, and never on a runtime that forbids it', async () => {
    const before = received;
    expect(await scoreExternally(onNode, config('/score', 300, false), request)).toEqual(NO_ANSWER);
    // Workers: the site's opt-in counts for nothing.
    expect(await scoreExternally({ outbound: guardedFetch(fetch), privateNetworkAllowed: false }, config('/score'), request)).toEqual(NO_ANSWER);
    expect(received).toBe(before);
  });

  it('checks the address a name resolves to when connecting, so a name that turns private is refused', async () => {
    const resolve = (name: string, all: boolean) =>
      new Promise<unknown>((ok, fail) => publicOnlyLookup(name, { all } as never, ((error: Error | null, address: unknown) => (error ? fail(error) : ok(address))) as never));
    // localhost resolves to loopback on every machine: what a rebinding name turns into.
    await expect(resolve('localhost', false)).rejects.toThrow(/public address/);
    await expect(resolve('localhost', true)).rejects.toThrow(/public address/);
  });

  it('tells a moderator nothing about why a call failed: a closed port reads like a slow one', async () => {
    const closed = SiteSettings.parse({ moderation: { externalScorer: { enabled: true, url: 'http://127.0.0.1:9/score', allowPrivateNetwork: true } } }).moderation.externalScorer;
    expect(await scoreExternally(onNode, closed, request)).toEqual(NO_ANSWER);
    expect(await scoreExternally(onNode, config('/slow', 100), request)).toEqual(NO_ANSWER);
  });
});

describe('external scorer in the pipeline', () => {
  let t: TestContext;
  afterEach(() => t?.close());

  async function post(path: string, body: string) {
    t = await createTestContext({
      site: { settings: SiteSettings.parse({ moderation: { nudge: false, externalScorer: { enabled: true, url: base + path, secret: SECRET, timeoutMs: 150, allowPrivateNetwork: true } } }) },
    });
    const token = await t.sign(PERSONAS.alice);
    const thread = (await openThread(t, { token })).thread;
    const res = await t.call('POST', apiPaths.comments('daily', thread.id), { token, body: { body } });
    return (await res.json()).comment;
  }

  // Workers never reach a private address: there the same scorer is never called (below).
  it.skipIf(BACKEND === 'workerd')('holds a comment its scores flag, with the scorer as the reason', async () => {
    const comment = await post('/score', 'Totally legit offer, not spam at all');
    expect(comment.status).toBe('pending');
    const row = await t.client.execute({ sql: 'SELECT reasons FROM comments WHERE id = ?', args: [comment.id] });
    expect(JSON.parse(String(row.rows[0].reasons))).toEqual([expect.objectContaining({ ruleId: 'external-scorer', score: 0.97 })]);
  });

  it('falls back to the built-in checks when the scorer times out', async () => {
    const comment = await post('/slow', 'A calm remark about bus timetables');
    expect(comment.status).toBe('published');
  });

  it.runIf(BACKEND === 'workerd')('on Workers, never calls a scorer on a private address, whatever the settings say', async () => {
    const before = received;
    const comment = await post('/score', 'Totally legit offer, not spam at all');
    expect(comment.status).toBe('published');
    expect(received).toBe(before);
  });
});

describe('saving a scorer URL', () => {
  let t: TestContext;
  afterEach(() => t?.close());
  const save = (externalScorer: Record<string, unknown>) =>
    t.call('PUT', apiPaths.moderation.settings(t.site.id), { headers: { 'X-Api-Key': TEST_API_KEY }, body: { settings: SiteSettings.parse({ moderation: { externalScorer } }).moderation } });

  it('refuses loopback, private, metadata, local names, credentials and other schemes, in every spelling', async () => {
    t = await createTestContext();
    const refused = [
      'http://127.0.0.1:8080/score', 'https://127.0.0.1/', 'https://2130706433/', 'https://0x7f.1/', 'https://0177.0.0.1/', 'https://127.1/',
      'https://[::1]/', 'https://[::ffff:127.0.0.1]/', 'https://[::]/', 'https://0.0.0.0/', 'https://169.254.169.254/latest/meta-data',
      'https://10.0.0.8/', 'https://192.168.1.1/', 'https://172.16.0.1/', 'https://100.64.0.1/', 'https://[fd00::1]/', 'https://[fe80::1]/',
      'https://localhost/', 'https://api.localhost/', 'https://scorer.internal/', 'https://printer.local/', 'https://metadata/',
      'https://user:pass@scorer.example/', 'http://scorer.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'ftp://scorer.example/', 'not a url',
    ];
    for (const url of refused) {
      const res = await save({ enabled: true, url });
      expect(await refusal(res), url).toMatchObject({ status: 400, code: 'invalid_input' });
    }
    for (const url of ['https://scorer.example/v1/score', 'https://8.8.8.8/score', 'https://[2606:4700::1111]/']) {
      expect((await save({ enabled: true, url })).status, url).toBe(200);
    }
  });

  it('accepts a private address when the site asks for it on Node, and never on Workers', async () => {
    t = await createTestContext();
    const res = await save({ enabled: true, url: 'http://10.0.0.8:8080/score', allowPrivateNetwork: true });
    if (BACKEND === 'workerd') {
      expect(await refusal(res)).toMatchObject({ status: 400, code: 'invalid_input', fields: { 'settings.externalScorer.allowPrivateNetwork': 'is not available here' } });
    } else {
      expect(res.status).toBe(200);
    }
  });
});
