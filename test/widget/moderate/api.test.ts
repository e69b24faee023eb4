// The dashboard's client sends an Idempotency-Key with every write and reuses it when the same
// action is tried again, so an approval whose answer was lost is applied once.
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { createModerationClient, type Fetch } from '../../../widget/moderate/api';
import { createTestContext, PERSONAS, TEST_API_KEY, type TestContext } from '../../support/app';
import { openThread, postComment } from '../../support/api';
import { SiteSettings } from '../../../shared/schemas/site';

let t: TestContext;
afterEach(() => t?.close());

describe('the dashboard’s writes', () => {
  it('are applied once when the moderator retries an action whose answer was lost', async () => {
    t = await createTestContext({ site: { settings: SiteSettings.parse({ moderation: { premoderation: 'all', nudge: false } }) } });
    const alice = await t.sign(PERSONAS.alice);
    const thread = (await openThread(t, { token: alice })).thread;
    const c = await postComment(t, thread.id, alice, 'Held for review, approved once.');

    const sent: { method: string; key: string | null; replayed: string | null }[] = [];
    let loseNextAnswer = true;
    const fetch: Fetch = async (url, init) => {
      const res = await t.app.request(url, init);
      const key = new Headers(init?.headers).get('Idempotency-Key');
      sent.push({ method: init?.method ?? 'GET', key, replayed: res.headers.get('Idempotent-Replayed') });
      if (init?.method === 'POST' && loseNextAnswer) {
        loseNextAnswer = false;
        throw new TypeError('network connection lost');
      }
      return res;
    };
    const client = createModerationClient({ api: 'https://parley.test', site: t.site.id, credentials: { kind: 'key', key: TEST_API_KEY }, fetch });

    expect((await client.act(c.id, 'approve')).ok).toBe(false);
    const again = await client.act(c.id, 'approve');
    expect(again.ok).toBe(true);
    const posts = sent.filter((s) => s.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[0].key).toBeTruthy();
    expect(posts[1]).toMatchObject({ key: posts[0].key, replayed: 'true' });
    const audit = await (await t.call('GET', `${apiPaths.moderation.audit(t.site.id)}?action=approve`, { headers: { 'X-Api-Key': TEST_API_KEY } })).json();
    expect(audit.entries).toHaveLength(1);

    // A new action, after the first succeeded, gets a key of its own; reads carry none.
    await client.act(c.id, 'reject', 'spam');
    expect(sent.at(-1)!.key).not.toBe(posts[0].key);
    await client.counts();
    expect(sent.at(-1)).toMatchObject({ method: 'GET', key: null });
  });
});
