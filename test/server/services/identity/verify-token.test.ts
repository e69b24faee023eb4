import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { ARTICLE_URL, createTestContext, PERSONAS, type TestContext } from '../../../support/app';
import { apiPaths } from '../../../../shared/api-paths';
import { refusal, threadPath } from '../../../support/api';
import { TEST_SECRET } from '../../../support/site';

const NOW = Date.UTC(2026, 0, 15, 12);

interface TokenOptions {
  alg: string;
  key: CryptoKey | Uint8Array;
  kid?: string;
  audience?: string;
  expiresAt?: number;
  claims?: Record<string, unknown>;
}

function token(o: TokenOptions): Promise<string> {
  const iat = Math.floor(NOW / 1000);
  return new SignJWT(o.claims ?? { name: 'Alice', tier: 'member' })
    .setProtectedHeader({ alg: o.alg, ...(o.kid ? { kid: o.kid } : {}) })
    .setSubject('u-alice')
    .setAudience(o.audience ?? 'daily')
    .setIssuedAt(iat)
    .setExpirationTime(o.expiresAt ?? iat + 3600)
    .sign(o.key);
}

const hsKey = new TextEncoder().encode(TEST_SECRET);
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Asks for the thread view with the token; the reader's claims decide `viewer`. */
async function viewAs(t: TestContext, jwt: string): Promise<Response> {
  return t.call('GET', threadPath(t.site.id, { url: ARTICLE_URL }), { token: jwt });
}

/**
 * Likes a comment that does not exist, with the token: a refused token is answered 401 with its code
 * before the comment is looked for (a thread read would answer the guest view instead).
 */
async function writeAs(t: TestContext, jwt: string): Promise<Response> {
  return t.call('PUT', apiPaths.like(t.site.id, 'c0000000000000000'), { token: jwt });
}

async function expectSignedInAsAlice(res: Response) {
  expect(res.status, await res.clone().text()).toBe(200);
  const view = await res.json();
  expect(view.viewer).toMatchObject({ signedIn: true, name: 'Alice', canComment: true });
}

async function expectRefused(res: Response, code: string) {
  expect(await refusal(res)).toMatchObject({ status: 401, code });
}

describe('HS256 tokens', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('signs the reader in when signed with the site secret for this site', async () => {
    await expectSignedInAsAlice(await viewAs(t, await token({ alg: 'HS256', key: hsKey })));
  });

  it('treats a request without a token as a guest', async () => {
    const view = await (await t.call('GET', threadPath('daily', { url: ARTICLE_URL }))).json();
    expect(view.viewer).toMatchObject({ signedIn: false, canComment: false });
  });

  it('refuses an unsigned alg:none token as an algorithm not allowed', async () => {
    const iat = Math.floor(NOW / 1000);
    const forged = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ sub: 'u-alice', name: 'Alice', aud: 'daily', exp: iat + 3600 })}.`;
    await expectRefused(await writeAs(t, forged), 'token_algorithm_not_allowed');
  });

  it('refuses a token signed with another secret', async () => {
    const other = new TextEncoder().encode('another-secret-that-is-long-enough-9876543210');
    await expectRefused(await writeAs(t, await token({ alg: 'HS256', key: other })), 'token_invalid');
  });

  it('refuses an expired token', async () => {
    const expiresAt = Math.floor(NOW / 1000) - 60;
    await expectRefused(await writeAs(t, await token({ alg: 'HS256', key: hsKey, expiresAt })), 'token_expired');
  });

  it('accepts a token again until the clock passes its expiry, then refuses it', async () => {
    const jwt = await t.sign(PERSONAS.alice, { expiresInSeconds: 60 });
    expect((await viewAs(t, jwt)).status).toBe(200);
    t.clock.now += 120_000;
    try {
      await expectRefused(await writeAs(t, jwt), 'token_expired');
    } finally {
      t.clock.now -= 120_000;
    }
  });

  it('refuses a token issued for another site', async () => {
    await expectRefused(await writeAs(t, await token({ alg: 'HS256', key: hsKey, audience: 'other' })), 'token_wrong_audience');
  });

  it('refuses a token without a name claim', async () => {
    await expectRefused(await writeAs(t, await token({ alg: 'HS256', key: hsKey, claims: { tier: 'member' } })), 'token_invalid');
  });

  it('refuses a token with an unknown role', async () => {
    await expectRefused(await writeAs(t, await token({ alg: 'HS256', key: hsKey, claims: { name: 'Alice', role: 'owner' } })), 'token_invalid');
  });

  it('refuses garbage that is not a JWT', async () => {
    for (const garbage of ['garbage', 'a.b.c', `${b64url('x')}.${b64url({})}.sig`, '...']) {
      await expectRefused(await writeAs(t, garbage), 'token_invalid');
    }
  });

  it('refuses an RS256 token when the site only has an HS256 secret', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    await expectRefused(await writeAs(t, await token({ alg: 'RS256', key: privateKey })), 'token_algorithm_not_allowed');
  });
});

describe('RS256 and ES256 tokens against a configured public key', () => {
  const contexts: TestContext[] = [];
  afterAll(() => contexts.forEach((t) => t.close()));

  async function siteWithKeyFor(alg: 'RS256' | 'ES256') {
    const pair = await generateKeyPair(alg, { extractable: true });
    const t = await createTestContext({ site: { sso: { publicKeyPem: await exportSPKI(pair.publicKey) } } });
    contexts.push(t);
    return { t, privateKey: pair.privateKey };
  }

  for (const alg of ['RS256', 'ES256'] as const) {
    it(`signs the reader in with an ${alg} token from the matching private key`, async () => {
      const { t, privateKey } = await siteWithKeyFor(alg);
      await expectSignedInAsAlice(await viewAs(t, await token({ alg, key: privateKey })));
    });

    it(`refuses an ${alg} token signed by another key`, async () => {
      const { t } = await siteWithKeyFor(alg);
      const stranger = await generateKeyPair(alg);
      await expectRefused(await writeAs(t, await token({ alg, key: stranger.privateKey })), 'token_invalid');
    });
  }

  it('refuses an HS256 token when the site has only a public key (algorithm confusion)', async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const pem = await exportSPKI(pair.publicKey);
    const t = await createTestContext({ site: { sso: { publicKeyPem: pem } } });
    contexts.push(t);
    // The classic attack: HMAC-sign with the public key's text as the secret.
    const forged = await token({ alg: 'HS256', key: new TextEncoder().encode(pem) });
    await expectRefused(await writeAs(t, forged), 'token_algorithm_not_allowed');
  });

  it('refuses an RS256 token when the configured key is an EC key', async () => {
    const { t } = await siteWithKeyFor('ES256');
    const rsa = await generateKeyPair('RS256');
    await expectRefused(await writeAs(t, await token({ alg: 'RS256', key: rsa.privateKey })), 'token_algorithm_not_allowed');
  });

  it('refuses an expired RS256 token as expired', async () => {
    const { t, privateKey } = await siteWithKeyFor('RS256');
    const expiresAt = Math.floor(NOW / 1000) - 1;
    await expectRefused(await writeAs(t, await token({ alg: 'RS256', key: privateKey, expiresAt })), 'token_expired');
  });
});

describe('tokens verified against a JWKS URL', () => {
  let server: Server;
  let t: TestContext;
  let rsa: { privateKey: CryptoKey };
  let ec: { privateKey: CryptoKey };
  let jwksRequests = 0;

  beforeAll(async () => {
    const rsaPair = await generateKeyPair('RS256', { extractable: true });
    const ecPair = await generateKeyPair('ES256', { extractable: true });
    rsa = rsaPair;
    ec = ecPair;
    const jwks = {
      keys: [
        { ...(await exportJWK(rsaPair.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
        { ...(await exportJWK(ecPair.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
      ],
    };
    server = createServer((req, res) => {
      jwksRequests++;
      if (req.url === '/broken') return void res.writeHead(500).end('oops');
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(jwks));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    t = await createTestContext({ site: { sso: { jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json` } } });
  });

  afterAll(async () => {
    t?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('signs the reader in with an RS256 token whose kid is in the key set', async () => {
    await expectSignedInAsAlice(await viewAs(t, await token({ alg: 'RS256', key: rsa.privateKey, kid: 'rsa-1' })));
    expect(jwksRequests).toBeGreaterThan(0);
  });

  it('signs the reader in with an ES256 token whose kid is in the key set', async () => {
    await expectSignedInAsAlice(await viewAs(t, await token({ alg: 'ES256', key: ec.privateKey, kid: 'ec-1' })));
  });

  it('refuses a token signed by a key that is not in the set', async () => {
    const stranger = await generateKeyPair('RS256');
    await expectRefused(await writeAs(t, await token({ alg: 'RS256', key: stranger.privateKey, kid: 'rsa-1' })), 'token_invalid');
  });

  it('refuses an HS256 token on a JWKS-only site', async () => {
    await expectRefused(await writeAs(t, await token({ alg: 'HS256', key: hsKey })), 'token_algorithm_not_allowed');
  });

  it('refuses a JWKS-verified token issued for another site', async () => {
    const jwt = await token({ alg: 'RS256', key: rsa.privateKey, kid: 'rsa-1', audience: 'elsewhere' });
    await expectRefused(await writeAs(t, jwt), 'token_wrong_audience');
  });

  it('answers 503 unavailable, not a token error, when the key set answers with a server error', async () => {
    const { port } = server.address() as AddressInfo;
    const broken = await createTestContext({ site: { sso: { jwksUrl: `http://127.0.0.1:${port}/broken` } } });
    try {
      const res = await viewAs(broken, await token({ alg: 'RS256', key: rsa.privateKey, kid: 'rsa-1' }));
      expect(await refusal(res)).toMatchObject({ status: 503, code: 'unavailable' });
    } finally {
      broken.close();
    }
  });

  it('answers 503 unavailable, not a token error, when the key set cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = await createTestContext({ site: { sso: { jwksUrl: `http://127.0.0.1:${port}/jwks` } } });
    try {
      const res = await viewAs(unreachable, await token({ alg: 'RS256', key: rsa.privateKey, kid: 'rsa-1' }));
      expect(await refusal(res)).toMatchObject({ status: 503, code: 'unavailable' });
    } finally {
      unreachable.close();
    }
  });
});
