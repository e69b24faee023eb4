// The client's address behind a proxy: believed from the header the operator names, read from the
// right so a client cannot pick its own, and per-address limits then apply per member's address.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { clientAddressFrom, parseTrustProxy } from '../../../server/runtime/client-address';
import { parseServerEnv, startNodeServer, type NodeServer } from '../../../server/runtime/node';
import { sha256Hex } from '../../../server/services/sha256';
import { apiPaths } from '../../../shared/api-paths';
import { SiteSettings } from '../../../shared/schemas/site';
import { ARTICLE_URL } from '../../support/app';
import { threadPath } from '../../support/api';
import { freePort } from '../../support/free-port';
import { buildSite, TEST_API_KEY, TEST_ORIGIN, TEST_SECRET } from '../../support/site';

const headers = (h: Record<string, string>) => (name: string) => h[name.toLowerCase()];

describe('TRUST_PROXY', () => {
  it('parses none, cf-connecting-ip and x-forwarded-for with a hop count, and refuses anything else', () => {
    expect(parseTrustProxy(undefined)).toEqual({ kind: 'none' });
    expect(parseTrustProxy('none')).toEqual({ kind: 'none' });
    expect(parseTrustProxy('CF-Connecting-IP')).toEqual({ kind: 'cf-connecting-ip' });
    expect(parseTrustProxy('x-forwarded-for')).toEqual({ kind: 'x-forwarded-for', hops: 1 });
    expect(parseTrustProxy('x-forwarded-for:2')).toEqual({ kind: 'x-forwarded-for', hops: 2 });
    for (const bad of ['yes', 'x-forwarded-for:0', 'x-forwarded-for:99', 'x-real-ip']) expect(() => parseTrustProxy(bad), bad).toThrow(/TRUST_PROXY/);
  });

  it('without a trusted proxy, uses the socket and ignores every header', () => {
    const h = headers({ 'x-forwarded-for': '198.51.100.7', 'cf-connecting-ip': '198.51.100.8' });
    expect(clientAddressFrom({ kind: 'none' }, '203.0.113.1', h)).toBe('203.0.113.1');
    expect(clientAddressFrom({ kind: 'none' }, '::ffff:203.0.113.1', h)).toBe('203.0.113.1');
  });

  it('reads X-Forwarded-For from the right, so what the client wrote on the left counts for nothing', () => {
    const spoofed = headers({ 'x-forwarded-for': '1.2.3.4, 198.51.100.7' });
    expect(clientAddressFrom({ kind: 'x-forwarded-for', hops: 1 }, '127.0.0.1', spoofed)).toBe('198.51.100.7');
    const twoProxies = headers({ 'x-forwarded-for': '1.2.3.4, 198.51.100.7, 10.0.0.2' });
    expect(clientAddressFrom({ kind: 'x-forwarded-for', hops: 2 }, '127.0.0.1', twoProxies)).toBe('198.51.100.7');
    // Missing or junk: the socket, never a made-up address.
    expect(clientAddressFrom({ kind: 'x-forwarded-for', hops: 1 }, '127.0.0.1', headers({}))).toBe('127.0.0.1');
    expect(clientAddressFrom({ kind: 'x-forwarded-for', hops: 1 }, '127.0.0.1', headers({ 'x-forwarded-for': 'not-an-ip' }))).toBe('127.0.0.1');
    expect(clientAddressFrom({ kind: 'cf-connecting-ip' }, '127.0.0.1', headers({ 'cf-connecting-ip': '2001:db8::5' }))).toBe('2001:db8::5');
  });
});

describe('the Node server behind a proxy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-proxy-'));
  let server: NodeServer | undefined;
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('limits comments per member address, not per proxy', { timeout: 30_000 }, async () => {
    const port = await freePort();
    server = await startNodeServer({ env: parseServerEnv({ PORT: String(port), LIBSQL_URL: `file:${join(dir, 'p.db')}`, TRUST_PROXY: 'x-forwarded-for' }), quiet: true });
    const settings = SiteSettings.parse({ moderation: { nudge: false, rules: { flooding: { perUser: 50, perIp: 2 } } } });
    await server.store.saveSite(buildSite({ apiKeyHash: await sha256Hex(TEST_API_KEY), settings }), Date.now());
    const base = `http://127.0.0.1:${port}`;
    const token = async (sub: string) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ name: sub, tier: 'member' }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setAudience('daily').setIssuedAt(now).setExpirationTime(now + 600).sign(new TextEncoder().encode(TEST_SECRET));
    };
    const first = await token('u-first');
    const thread = await (await fetch(base + threadPath('daily', { url: ARTICLE_URL }), { headers: { Authorization: `Bearer ${first}`, Origin: TEST_ORIGIN } })).json();
    const post = async (sub: string, from: string, n: number) =>
      fetch(base + apiPaths.comments('daily', thread.thread.id), {
        method: 'POST',
        headers: { Authorization: `Bearer ${await token(sub)}`, 'Content-Type': 'application/json', Origin: TEST_ORIGIN, 'X-Forwarded-For': from },
        body: JSON.stringify({ body: `Comment number ${n} from ${sub}` }),
      });
    expect((await post('u-first', '198.51.100.1', 1)).status).toBe(201);
    expect((await post('u-first', '198.51.100.1', 2)).status).toBe(201);
    // Same address, another member: that address has used its budget.
    expect((await post('u-second', '198.51.100.1', 3)).status).toBe(429);
    // Another member at another address, through the same proxy: not limited by the first.
    expect((await post('u-third', '198.51.100.2', 4)).status).toBe(201);
    // A client writing its own X-Forwarded-For entry gets no fresh budget: the proxy's entry counts.
    expect((await post('u-fourth', '9.9.9.9, 198.51.100.1', 5)).status).toBe(429);
  });
});
