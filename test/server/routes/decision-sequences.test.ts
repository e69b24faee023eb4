// Random sequences of author, reader and moderator requests on one comment, through the real API
// on every backend. After each request: nothing answered 5xx, nobody but a moderator published a
// comment or moved a rejected one, readers see exactly the published comments, and the thread's
// stored count agrees with them.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { SiteSettings } from '../../../shared/schemas/site';
import { createTestContext, PERSONAS, type TestContext } from '../../support/app';
import { openThread, postComment } from '../../support/api';

type Step =
  | { by: 'author'; move: 'edit'; text: 'civil' | 'held' | 'banned' }
  | { by: 'author'; move: 'delete' }
  | { by: 'reader'; who: 'bob' | 'nell' }
  | { by: 'moderator'; move: 'approve' | 'reject' | 'feature' | 'unfeature' | 'delete' | 'undo' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ by: fc.constant('author' as const), move: fc.constant('edit' as const), text: fc.constantFrom('civil' as const, 'held' as const, 'banned' as const) }), weight: 3 },
  { arbitrary: fc.record({ by: fc.constant('author' as const), move: fc.constant('delete' as const) }), weight: 1 },
  { arbitrary: fc.record({ by: fc.constant('reader' as const), who: fc.constantFrom('bob' as const, 'nell' as const) }), weight: 2 },
  { arbitrary: fc.record({ by: fc.constant('moderator' as const), move: fc.constantFrom('approve', 'reject', 'feature', 'unfeature', 'delete', 'undo' as const) }), weight: 3 },
);
const WORDS = { civil: 'The levy funds the library', held: 'Only an idiot funds the library', banned: 'The library levy is grift' };

// Reports hide a comment at two; "idiot" holds, "grift" rejects; nothing nudges or floods.
const SETTINGS = SiteSettings.parse({
  moderation: {
    nudge: false,
    reports: { toQueue: 1, toHide: 2 },
    rules: { flooding: { enabled: false }, repeatPost: { enabled: false }, suspectWords: { words: ['idiot'] }, bannedWords: { words: ['grift'] } },
  },
});
// Every request is a round trip to a server on the remote backends: fewer, shorter sequences there.
const REMOTE = process.env.PARLEY_TEST_BACKEND !== 'embedded';

let t: TestContext;
let tokens: Record<'alice' | 'bob' | 'nell' | 'mod', string>;
let run = 0;
beforeAll(async () => {
  t = await createTestContext({ site: { settings: SETTINGS } });
  tokens = { alice: await t.sign(PERSONAS.alice), bob: await t.sign(PERSONAS.bob), nell: await t.sign(PERSONAS.nell), mod: await t.sign(PERSONAS.mod) };
});
afterAll(() => t?.close());

interface Stored {
  status: string;
  deleted: boolean;
}

async function stored(id: string): Promise<Stored> {
  const rs = await t.client.execute({ sql: 'SELECT status, deleted_at FROM comments WHERE id = ?', args: [id] });
  return { status: String(rs.rows[0].status), deleted: rs.rows[0].deleted_at !== null };
}

async function countsAgree(threadId: string) {
  const rs = await t.client.execute({
    sql: `SELECT t.comment_count AS stored, (SELECT COUNT(*) FROM comments c WHERE c.thread_id = t.id AND c.status = 'published' AND c.deleted_at IS NULL) AS actual
          FROM threads t WHERE t.id = ?`,
    args: [threadId],
  });
  expect(Number(rs.rows[0].stored)).toBe(Number(rs.rows[0].actual));
}

async function perform(s: Step, id: string, actionIds: string[], n: number): Promise<Response> {
  const site = t.site.id;
  switch (s.by) {
    case 'author':
      return s.move === 'edit'
        ? t.call('PATCH', apiPaths.comment(site, id), { token: tokens.alice, body: { body: `${WORDS[s.text]}, take ${n}.` } })
        : t.call('DELETE', apiPaths.comment(site, id), { token: tokens.alice });
    case 'reader':
      return t.call('POST', apiPaths.report(site, id), { token: tokens[s.who], body: { reason: 'personal_attack' } });
    case 'moderator': {
      if (s.move === 'undo') {
        const last = actionIds.pop();
        return last ? t.call('POST', apiPaths.moderation.undo(site, last), { token: tokens.mod }) : Promise.resolve(new Response(null, { status: 204 }));
      }
      const res = await t.call('POST', apiPaths.moderation.comment(site, id), { token: tokens.mod, body: { action: s.move, ...(s.move === 'reject' ? { reason: 'other' } : {}) } });
      if (res.ok) actionIds.push((await res.clone().json()).action.id);
      return res;
    }
  }
}

describe('random sequences of requests on one comment', () => {
  it('keep every moderator decision, the readers’ view and the stored count consistent', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<keyof typeof WORDS>('civil', 'held'), fc.array(step, { minLength: 1, maxLength: REMOTE ? 12 : 16 }), async (first, steps) => {
        run += 1;
        const url = `https://news.example/2026/01/15/sequence-${run}`;
        const thread = (await openThread(t, { url, token: tokens.alice })).thread;
        t.clock.now += 1000;
        const id = (await postComment(t, thread.id, tokens.alice, `${WORDS[first]}, first take.`)).id;
        const actionIds: string[] = [];
        let before = await stored(id);
        for (const [n, s] of steps.entries()) {
          t.clock.now += 1000;
          const res = await perform(s, id, actionIds, n);
          expect(res.status, `${JSON.stringify(s)} answered ${res.status}: ${await res.clone().text()}`).toBeLessThan(500);
          const after = await stored(id);
          const byModerator = s.by === 'moderator';
          if (after.status === 'published' && before.status !== 'published') expect(byModerator, JSON.stringify(s)).toBe(true);
          if (before.status === 'rejected' && after.status !== 'rejected') expect(byModerator, JSON.stringify(s)).toBe(true);
          if (before.deleted && !after.deleted) expect(byModerator, JSON.stringify(s)).toBe(true);
          await countsAgree(thread.id);
          const visible = (await openThread(t, { url })).comments.some((c) => c.id === id && !c.deleted);
          expect(visible, `${JSON.stringify(s)} left ${JSON.stringify(after)}`).toBe(after.status === 'published' && !after.deleted);
          before = after;
        }
      }),
      { numRuns: REMOTE ? 30 : 60 },
    );
  });
});
