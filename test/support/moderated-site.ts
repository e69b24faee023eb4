// A site with a thread, its author Alice, readers who report and a moderator, and short verbs for
// the moderation API tests: post, report, decide, read a queue, give a reader a record.
import { expect } from 'vitest';
import { apiPaths } from '../../shared/api-paths';
import type { QueueItemView } from '../../shared/schemas/moderation-api';
import { SiteSettings } from '../../shared/schemas/site';
import { createTestContext, PERSONAS, type Persona, type TestContext } from './app';
import { openThread, postComment } from './api';

// "idiot" holds, "grift" rejects; nothing nudges or floods; a member is new until two comments are published.
export const MODERATED = {
  nudge: false,
  reports: { toQueue: 1, toHide: 2 },
  rules: {
    flooding: { enabled: false },
    repeatPost: { enabled: false },
    suspectWords: { words: ['idiot'] },
    bannedWords: { words: ['grift'] },
    newMember: { approvedNeeded: 2 },
  },
};

export const READERS = ['bob', 'nell', 'troll', 'sage', 'kit'] as const;
export type Reader = (typeof READERS)[number];
const EXTRA: Record<string, Persona> = {
  troll: { sub: 'u-troll', name: 'Trey', tier: 'member' },
  sage: { sub: 'u-sage', name: 'Sage', tier: 'member' },
  kit: { sub: 'u-kit', name: 'Kit', tier: 'member' },
};
const persona = (r: Reader) => EXTRA[r] ?? PERSONAS[r as 'bob' | 'nell'];

export type ModeratedSite = Awaited<ReturnType<typeof moderatedSite>>;

export async function moderatedSite(moderation: object = MODERATED) {
  const t: TestContext = await createTestContext({ site: { settings: SiteSettings.parse({ moderation }) } });
  const tokens: Record<string, string> = { alice: await t.sign(PERSONAS.alice), mod: await t.sign(PERSONAS.mod) };
  for (const r of READERS) tokens[r] = await t.sign(persona(r));
  const thread = (await openThread(t, { token: tokens.alice, title: 'City budget' })).thread;
  const m = apiPaths.moderation;

  const post = async (body: string, parentId?: string) => {
    t.clock.now += 1000;
    return (await postComment(t, thread.id, tokens.alice, body, parentId)).id;
  };
  const report = async (who: Reader, id: string, note = '') => {
    t.clock.now += 1000;
    const res = await t.call('POST', apiPaths.report(t.site.id, id), { token: tokens[who], body: { reason: 'personal_attack', note } });
    expect(res.status, await res.clone().text()).toBe(200);
  };
  /** A moderator's action (as Morgan, or with `headers` as the site owner); returns its id. */
  const act = async (id: string, body: object, headers?: Record<string, string>) => {
    t.clock.now += 1000;
    const res = await t.call('POST', m.comment(t.site.id, id), headers ? { headers, body } : { token: tokens.mod, body });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()).action.id as string;
  };
  const queue = async (name: string): Promise<QueueItemView[]> => {
    const res = await t.call('GET', `${m.queue(t.site.id)}?queue=${name}`, { token: tokens.mod });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()).items;
  };
  const item = async (name: string, id: string) => {
    const found = (await queue(name)).find((i) => i.id === id);
    if (!found) throw new Error(`${id} is not in ${name}`);
    return found;
  };
  /** The reader's member id on this site (they have one once they have reported). */
  const userId = async (who: Reader) => {
    const rs = await t.client.execute({ sql: 'SELECT id FROM users WHERE site_id = ? AND external_id = ?', args: [t.site.id, persona(who).sub] });
    return String(rs.rows[0].id);
  };
  /** Has `who` report a fresh comment for each decision, which a moderator then takes; returns the actions' ids. */
  const record = async (who: Reader, decisions: ('reject' | 'approve' | 'delete')[]) => {
    const actions: string[] = [];
    for (const [n, decision] of decisions.entries()) {
      const id = await post(`Comment ${n} for ${who} to report.`);
      await report(who, id);
      actions.push(await act(id, decision === 'reject' ? { action: 'reject', reason: 'personal_attack' } : { action: decision }));
    }
    return actions;
  };
  return { t, tokens, thread, post, report, act, queue, item, userId, record };
}
