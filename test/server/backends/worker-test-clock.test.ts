// The worker's test hook: X-Parley-Test-Now sets "now" only when the worker has the
// PARLEY_TEST_CLOCK = "1" binding, which wrangler.toml never sets. Started here without it, from the
// same bundle and database, the worker ignores the header and uses the real clock.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ARTICLE_URL, BACKEND, createTestContext, PERSONAS, type TestContext } from '../../support/app';
import { threadPath } from '../../support/api';
import { TEST_NOW_HEADER } from '../../support/backends/remote';

const onWorkerd = BACKEND === 'workerd';

describe.skipIf(!onWorkerd)('the test clock header', () => {
  let t: TestContext;
  let production: Miniflare | undefined;
  let productionUrl: string;
  // A moment long past: a token issued then has expired by the real clock.
  const past = Date.UTC(2020, 5, 1, 12);

  beforeAll(async () => {
    t = await createTestContext();
    const bundle = inject('workerBundle');
    production = new Miniflare({
      modules: true,
      scriptPath: bundle,
      modulesRoot: dirname(bundle),
      compatibilityDate: inject('compatibilityDate'),
      bindings: { LIBSQL_URL: inject('libsqlUrl') },
      host: '127.0.0.1',
      port: 0,
    });
    productionUrl = (await production.ready).origin;
  });
  afterAll(async () => {
    t?.close();
    await production?.dispose();
  });

  async function viewAt(base: string, token: string) {
    return fetch(base + threadPath('daily', { url: ARTICLE_URL }), { headers: { Authorization: `Bearer ${token}`, [TEST_NOW_HEADER]: String(past) } });
  }

  it('moves the worker’s clock when the binding is set', async () => {
    t.clock.now = past;
    const res = await viewAt(inject('workerUrl'), await t.sign(PERSONAS.alice));
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await res.json()).viewer.signedIn).toBe(true);
  });

  it('is ignored without the binding: a token from the past has expired', async () => {
    t.clock.now = past;
    const res = await viewAt(productionUrl, await t.sign(PERSONAS.alice));
    expect(res.status).toBe(200);
    expect((await res.json()).viewer).toMatchObject({ signedIn: false, session: 'expired' });
  });

  it('is not set by wrangler.toml', () => {
    expect(readFileSync('wrangler.toml', 'utf8')).not.toMatch(/PARLEY_TEST_CLOCK/);
  });
});
