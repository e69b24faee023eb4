// The context a moderator sees around each queue item, through the real API on every backend.
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { PERSONAS, TEST_API_KEY, type TestContext } from '../../support/app';
import { postComment, refusal } from '../../support/api';
import { MODERATED, moderatedSite, type ModeratedSite } from '../../support/moderated-site';

const m = apiPaths.moderation;
let t: TestContext;
let current: ModeratedSite | undefined;
afterEach(() => current?.t.close());

async function site(moderation: object = MODERATED) {
  current = await moderatedSite(moderation);
  t = current.t;
  return current;
}

const asKey = { 'X-Api-Key': TEST_API_KEY };

describe('the context of a queue item', () => {
  it('names the comment a reply answers, and shows its whole conversation in every state', async () => {
    const { post, item, tokens } = await site();
    const root = await post('The library levy is worth every penny of the rates.');
    const reply = await post('Only an idiot would pay more for books.', root);
    const second = await post('A fair question about the levy, though.', root);
    const held = await item('pending', reply);
    expect(held.context?.parent).toEqual({ id: root, authorName: 'Alice', excerpt: 'The library levy is worth every penny of the rates.', state: 'published' });
    expect(held.context?.conversationSize).toBe(3);
    const top = await post('Only an idiot ignores the bus budget.');
    expect((await item('pending', top)).context?.parent).toBeNull();

    const res = await t.call('GET', m.conversation(t.site.id, reply), { token: tokens.mod });
    expect(res.status).toBe(200);
    const conversation = await res.json();
    expect(conversation.rootId).toBe(root);
    expect(conversation.truncated).toBe(false);
    expect(conversation.comments.map((c: { id: string; state: string; depth: number }) => [c.id, c.state, c.depth])).toEqual([
      [root, 'published', 0],
      [reply, 'pending', 1],
      [second, 'published', 1],
    ]);
    expect(conversation.comments[1]).toMatchObject({ parentId: root, authorName: 'Alice', body: 'Only an idiot would pay more for books.' });
    expect((await refusal(await t.call('GET', m.conversation(t.site.id, reply), { token: tokens.alice }))).code).toBe('forbidden');
  });

  it('cuts a long parent to an excerpt at a word', async () => {
    const { post, item } = await site();
    const long = `${'The levy funds the library and the buses and the parks '.repeat(5)}end.`;
    const reply = await post('Only an idiot thinks so.', await post(long));
    const excerpt = (await item('pending', reply)).context!.parent!.excerpt;
    expect(excerpt.length).toBeLessThanOrEqual(141);
    expect(excerpt).toMatch(/^The levy funds the library.* \w+…$/);
  });

  it('links to a place readers can see: the comment, else the published comment it answers, else the article', async () => {
    const { post, item, act, thread } = await site();
    const root = await post('The library levy is worth it.');
    const heldReply = await post('Only an idiot pays that.', root);
    const heldTop = await post('Only an idiot runs this council.');
    const rejected = await post('The whole levy is grift.');
    const url = thread.url;
    expect((await item('recent', root)).context?.link).toEqual({ href: `${url}#comment-${root}`, to: 'comment' });
    expect((await item('pending', heldReply)).context?.link).toEqual({ href: `${url}#comment-${root}`, to: 'parent' });
    expect((await item('pending', heldTop)).context?.link).toEqual({ href: url, to: 'article' });
    expect((await item('rejected', rejected)).context?.link).toEqual({ href: url, to: 'article' });
    // Why: the widget opens `#comment-ID` by fetching that comment's conversation as a reader.
    const asReader = (id: string) => t.call('GET', apiPaths.conversation(t.site.id, id));
    expect((await asReader(root)).status).toBe(200);
    expect((await refusal(await asReader(heldReply))).code).toBe('comment_not_found');
    await act(heldReply, { action: 'approve' });
    expect((await item('recent', heldReply)).context?.link).toEqual({ href: `${url}#comment-${heldReply}`, to: 'comment' });
  });

  it('says who rejected or published a comment and why: a moderator by name, the site owner, or the rules', async () => {
    const { post, item, act } = await site();
    const byRules = await post('The whole levy is grift.');
    const postedAt = t.clock.now;
    const byMod = await post('Only an idiot pays that levy.');
    const byOwner = await post('Only an idiot runs this council.');
    const clean = await post('The levy funds the library.');
    const approved = await post('Only an idiot skips the budget meeting.');
    await act(byMod, { action: 'reject', reason: 'off_topic' });
    await act(byOwner, { action: 'reject', reason: 'abusive' }, asKey);
    await act(approved, { action: 'approve' });
    expect((await item('rejected', byRules)).context?.decision).toEqual({ by: 'rules', name: null, at: postedAt, reason: null, rules: ['banned-words'] });
    expect((await item('rejected', byMod)).context?.decision).toMatchObject({ by: 'moderator', name: 'Morgan', reason: 'off_topic', rules: [] });
    expect((await item('rejected', byOwner)).context?.decision).toMatchObject({ by: 'moderator', name: 'Site owner', reason: 'abusive' });
    expect((await item('recent', clean)).context?.decision).toMatchObject({ by: 'rules', name: null, rules: [] });
    expect((await item('recent', approved)).context?.decision).toEqual({ by: 'moderator', name: 'Morgan', at: t.clock.now, reason: null, rules: [] });
    const pending = await post('Only an idiot forgets the parks.');
    expect((await item('pending', pending)).context?.decision).toBeNull();
  });

  it('marks a comment posted after the civility nudge, anyway or revised', async () => {
    const { tokens, thread, item } = await site({ ...MODERATED, nudge: true });
    const post = async (body: string, afterNudge?: string) => {
      t.clock.now += 1000;
      return t.call('POST', apiPaths.comments(t.site.id, thread.id), { token: tokens.alice, body: afterNudge ? { body, afterNudge } : { body } });
    };
    expect((await post('Only an idiot pays that levy.')).status).toBe(200); // the nudge: nothing stored
    const anyway = (await (await post('Only an idiot pays that levy.', 'post_anyway')).json()).comment.id;
    const revised = (await (await post('I would rather not pay that levy.', 'revised')).json()).comment.id;
    const plain = (await (await post('The levy funds the library.')).json()).comment.id;
    expect((await item('pending', anyway)).context?.afterNudge).toBe('posted_anyway');
    expect((await item('recent', revised)).context?.afterNudge).toBe('revised');
    expect((await item('recent', plain)).context?.afterNudge).toBeNull();
  });

  it('marks comments posted while the author was a new member, as the new-member rule counts', async () => {
    const { post, item, tokens, thread } = await site();
    const first = await post('The levy funds the library.');
    const held = await post('Only an idiot pays more.');
    const second = await post('The buses need it too.');
    const third = await post('And the parks, for that matter.');
    expect((await item('recent', first)).context?.newMember).toBe(true);
    expect((await item('pending', held)).context?.newMember).toBe(true);
    expect((await item('recent', second)).context?.newMember).toBe(true); // one published before it
    expect((await item('recent', third)).context?.newMember).toBe(false);
    t.clock.now += 1000;
    const staff = (await postComment(t, thread.id, tokens.mod, 'A note from the moderators.')).id;
    expect((await item('recent', staff)).context?.newMember).toBe(false);
  });

  it('shows whether the author is banned, suspended or pre-moderated now', async () => {
    const { post, item, tokens } = await site();
    const id = await post('Only an idiot pays more.');
    const before = await item('pending', id);
    expect(before.context?.author).toEqual({ banned: false, suspendedUntil: null, premoderated: false });
    const user = (action: object) => t.call('POST', m.user(t.site.id, before.author.id), { token: tokens.mod, body: action });
    const until = t.clock.now + 3 * 86_400_000;
    expect((await user({ action: 'suspend', until })).status).toBe(200);
    expect((await user({ action: 'premoderate' })).status).toBe(200);
    expect((await item('pending', id)).context?.author).toEqual({ banned: false, suspendedUntil: until, premoderated: true });
    expect((await user({ action: 'ban' })).status).toBe(200);
    t.clock.now = until + 1;
    tokens.mod = await t.sign(PERSONAS.mod);
    expect((await item('pending', id)).context?.author).toEqual({ banned: true, suspendedUntil: null, premoderated: true });
  });
});

describe('the reports on a queue item', () => {
  it('name each reporter with the share of their earlier reports a moderator upheld, and weigh them against the bar', async () => {
    const s = await site({ ...MODERATED, reports: { toQueue: 1, toHide: 3 } });
    await s.record('bob', ['reject', 'delete', 'approve']);
    const target = await s.post('A comment several readers disliked.');
    await s.report('bob', target, 'rude');
    await s.report('nell', target);
    const item = await s.item('reported', target);
    expect(item.reports).toEqual([
      {
        reason: 'personal_attack',
        note: 'rude',
        count: 2,
        reporters: [
          // (2 + 1) / (3 + 2) = 0.6, so 0.5 + 0.6
          { id: await s.userId('bob'), name: 'Bob', note: 'rude', upheld: 2, decided: 3, weight: 1.1 },
          { id: await s.userId('nell'), name: 'Nell', note: '', upheld: 0, decided: 0, weight: 1 },
        ],
      },
    ]);
    expect(item.context?.reportWeight).toEqual({ open: 2.1, hideAt: 3 });
    await s.report('kit', target); // 3.1 ≥ 3
    expect((await s.item('reported', target)).state).toBe('hidden');
  });
});
