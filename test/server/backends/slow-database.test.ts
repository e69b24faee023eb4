// The database stalls (sqld paused with SIGSTOP, so connections open but nothing answers):
// reads give up after a bounded wait and guests get the kept copy, others a 503; when the server
// resumes, so does service. Needs a server to pause, so it runs on the sqld and workerd backends.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { memoryResponseCache } from '../../../server/cache/response-cache';
import { STALE_HEADER } from '../../../server/cache/thread-reads';
import { REMOTE_READ_TIMEOUT_MS } from '../../../server/store/libsql/db';
import { ARTICLE_URL, BACKEND, createTestContext, TEST_ORIGIN, type TestContext } from '../../support/app';
import { openThread, refusal, threadPath } from '../../support/api';

let t: TestContext | undefined;
let paused = 0;

function signal(name: 'SIGSTOP' | 'SIGCONT') {
  const pid = Number(readFileSync(join(inject('sqldDir'), 'sqld.pid'), 'utf8'));
  process.kill(pid, name);
  paused = name === 'SIGSTOP' ? pid : 0;
}

// Whatever happens in the test, later files need the server running.
afterAll(() => {
  t?.close();
  if (paused) process.kill(paused, 'SIGCONT');
});

describe.skipIf(BACKEND === 'embedded')('with the database stalled', () => {
  it('answers within a bounded wait: the kept copy for guests, 503 otherwise, and recovers', async () => {
    t = await createTestContext({ deps: { responseCache: memoryResponseCache() } });
    await openThread(t); // kept for guests

    signal('SIGSTOP');
    // Each request makes at most two reads in a row here (the site, which tests never cache, and
    // the thread), each bounded by the read timeout.
    const bound = 2 * REMOTE_READ_TIMEOUT_MS + 2000;
    let started = Date.now();
    const stale = await t.call('GET', threadPath('daily', { url: ARTICLE_URL }));
    expect(Date.now() - started).toBeLessThan(bound);
    expect(stale.status).toBe(200);
    expect(stale.headers.get(STALE_HEADER)).toBe('1');
    started = Date.now();
    const unknown = await t.call('GET', threadPath('daily', { url: `${TEST_ORIGIN}/2026/01/15/a-stalled-story` }));
    expect(Date.now() - started).toBeLessThan(bound);
    expect(await refusal(unknown)).toMatchObject({ status: 503, code: 'unavailable' });

    signal('SIGCONT');
    const fresh = await t.call('GET', threadPath('daily', { url: ARTICLE_URL }));
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get(STALE_HEADER)).toBeNull();
  });
});
