// The member behind a token follows the token on every write: here, its avatar claim.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../../shared/api-paths';
import { createTestContext, PERSONAS, type Persona, type TestContext } from '../../../support/app';
import { openThread, postComment, withoutFloodLimit } from '../../../support/api';

let t: TestContext;
let threadId: string;
let posts = 0;

beforeEach(async () => {
  t = await createTestContext({ site: withoutFloodLimit() });
  threadId = (await openThread(t)).thread.id;
});
afterEach(() => t.close());

const PICTURE = 'https://cdn.news.example/people/alice.jpg';

/** Posts as the persona (a write refreshes the stored member) and answers the author each comment shows. */
async function postAs(persona: Persona) {
  t.clock.now += 60_000;
  const posted = await postComment(t, threadId, await t.sign(persona), `Comment number ${++posts} on the budget.`);
  const shown = (await openThread(t)).comments.map((c) => c.author?.avatarUrl);
  return { posted: posted.author?.avatarUrl, shown };
}

describe("a member's avatar", () => {
  it('is stored from the token and shown with their comments to everyone', async () => {
    const { posted, shown } = await postAs({ ...PERSONAS.alice, avatar: PICTURE });
    expect(posted).toBe(PICTURE);
    expect(shown).toEqual([PICTURE]);
    const row = await t.client.execute({ sql: 'SELECT avatar_url FROM users WHERE external_id = ?', args: [PERSONAS.alice.sub] });
    expect(row.rows[0].avatar_url).toBe(PICTURE);
  });

  it('follows a later token that names another picture, on old comments too', async () => {
    await postAs({ ...PERSONAS.alice, avatar: PICTURE });
    const next = 'https://cdn.news.example/people/alice-2026.png';
    expect(await postAs({ ...PERSONAS.alice, avatar: next })).toEqual({ posted: next, shown: [next, next] });
  });

  it('is cleared by a later token without the claim: the publisher says who the member is', async () => {
    await postAs({ ...PERSONAS.alice, avatar: PICTURE });
    expect(await postAs(PERSONAS.alice)).toEqual({ posted: null, shown: [null, null] });
  });

  it('is null for a member whose token has none', async () => {
    expect(await postAs(PERSONAS.bob)).toEqual({ posted: null, shown: [null] });
  });

  it('ignores an unusable URL without refusing the token', async () => {
    for (const avatar of ['javascript:alert(1)', 'http://cdn.news.example/a.jpg', 'data:image/png;base64,AAAA', '/me.png', `https://x.example/${'a'.repeat(2048)}`, 7]) {
      const { posted } = await postAs({ ...PERSONAS.alice, avatar });
      expect(posted, String(avatar)).toBeNull();
    }
    expect((await openThread(t)).comments.every((c) => c.author?.avatarUrl === null)).toBe(true);
  });

  it('is shown to moderators in the queue', async () => {
    await postAs({ ...PERSONAS.alice, avatar: PICTURE });
    const mod = await t.sign(PERSONAS.mod);
    const res = await t.call('GET', `${apiPaths.moderation.queue(t.site.id)}?queue=recent`, { token: mod });
    expect(res.status, await res.clone().text()).toBe(200);
    const { items } = await res.json();
    expect(items.map((i: { author: { avatarUrl: string | null } }) => i.author.avatarUrl)).toEqual([PICTURE]);
  });
});
