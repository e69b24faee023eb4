import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../../shared/api-paths';
import { createTestContext, TEST_ORIGIN, type TestContext } from '../../../support/app';
import { openThread } from '../../../support/api';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('CORS for asking a thread page again by its ETag', () => {
  it('lets an allowed origin send If-None-Match and read the ETag it gets back, and answers 304 when nothing changed', async () => {
    const threadId = (await openThread(t)).thread.id;
    const pre = await t.app.request(apiPaths.comments('daily', threadId), {
      method: 'OPTIONS',
      headers: { Origin: TEST_ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('if-none-match');

    const first = await t.call('GET', `${apiPaths.comments('daily', threadId)}?sort=newest`, { headers: { Origin: TEST_ORIGIN } });
    const etag = first.headers.get('ETag');
    expect(etag).toMatch(/^"\w+"$/);
    expect(first.headers.get('Access-Control-Expose-Headers')).toBe('ETag');

    const again = await t.call('GET', `${apiPaths.comments('daily', threadId)}?sort=newest`, { headers: { Origin: TEST_ORIGIN, 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('Access-Control-Expose-Headers')).toBe('ETag');
  });
});
