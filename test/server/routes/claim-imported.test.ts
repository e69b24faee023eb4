// Claiming imported authors: a member whose token names an imported Disqus author (`importedAs`)
// takes over that author's comments on their first write, in one transaction: readers then see
// the member's name without the Imported badge, the search index finds them under it, and nobody
// can claim the same author again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/app';
import { openThread, postComment } from '../../support/api';
import { importedComment, importExport } from '../../support/import';
import { parseDomainMap } from '../../../server/services/import/thread-url';
import { claimableExternalIds, emailHash } from '../../../server/services/import/author-key';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
  await importExport(t, 'disqus', 'disqus.xml', { domains: parseDomainMap(['old.example=news.example']) });
});
afterEach(() => t.close());

const ARTICLE = 'https://news.example/2013/05/city-budget';
const ada = { sub: 'u-ada', name: 'Ada Lovelace', tier: 'member', importedAs: ['disqus:alice_w'] };
const searchCount = async (query: string) => Number((await t.client.execute({ sql: 'SELECT COUNT(*) AS n FROM comments_fts WHERE comments_fts MATCH ?', args: [query] })).rows[0].n);

describe('claiming imported authors', () => {
  it('hands the imported author’s comments to the member on their first write with the claim', async () => {
    const before = await openThread(t, { url: ARTICLE });
    expect(before.comments.find((c) => c.author?.name === 'Alice Archer')?.author?.badges).toEqual(['Imported']);
    expect(await searchCount('author:lovelace')).toBe(0);

    const token = await t.sign(ada);
    await postComment(t, before.thread.id, token, 'Hello again, after all these years.');

    const member = (await t.client.execute("SELECT id FROM users WHERE external_id = 'u-ada'")).rows[0].id;
    expect((await importedComment(t, 'disqus', '2001')).author_id).toBe(member);
    expect((await importedComment(t, 'disqus', '2007')).author_id).toBe(member);
    const after = await openThread(t, { url: ARTICLE, token });
    const names = after.comments.map((c) => c.author?.name);
    expect(names).not.toContain('Alice Archer');
    expect(after.comments.filter((c) => c.author?.name === 'Ada Lovelace').map((c) => c.author?.badges)).toEqual([[], []]);
    // Two imported comments and the new one, all under the member's name in the search index.
    expect(await searchCount('author:lovelace')).toBe(3);
    expect(await searchCount('author:archer')).toBe(0);
    const imported = (await t.client.execute("SELECT claimed_by FROM users WHERE external_id = 'imported:disqus:alice_w'")).rows[0];
    expect(imported.claimed_by).toBe(member);
  });

  it('claims by the hash of an anonymous author’s address, and never by a name', async () => {
    const thread = (await openThread(t, { url: ARTICLE })).thread;
    const token = await t.sign({ sub: 'u-carol', name: 'Carol C.', tier: 'member', importedAs: [`disqus:email:${await emailHash(' carol@EXAMPLE.com')}`, 'disqus:name:dóra ünal'] });
    await postComment(t, thread.id, token, 'It is me, Carol.');
    const carol = (await t.client.execute("SELECT id FROM users WHERE external_id = 'u-carol'")).rows[0].id;
    expect((await importedComment(t, 'disqus', '2002')).author_id).toBe(carol);
    expect((await importedComment(t, 'disqus', '2004')).display_name).toBe('Dóra Ünal');
    expect(claimableExternalIds(['disqus:name:dóra ünal', 'nonsense', 'disqus:dora'])).toEqual(['imported:disqus:dora']);
  });

  it('lets nobody claim an author twice, and ignores an unusable claim', async () => {
    const thread = (await openThread(t, { url: ARTICLE })).thread;
    await postComment(t, thread.id, await t.sign(ada), 'First.');
    await postComment(t, thread.id, await t.sign({ ...ada, sub: 'u-mallory', name: 'Mallory' }), 'Me too.');
    const owners = await t.client.execute("SELECT DISTINCT u.external_id FROM comments c JOIN users u ON u.id = c.author_id JOIN import_sources m ON m.parley_id = c.id WHERE m.source_id IN ('2001', '2007')");
    expect(owners.rows.map((r) => r.external_id)).toEqual(['u-ada']);
    await postComment(t, thread.id, await t.sign({ sub: 'u-odd', name: 'Odd', tier: 'member', importedAs: 'disqus:bobb' }), 'Signed in all the same.');
    expect((await importedComment(t, 'disqus', '2003')).external_id).toBe('imported:disqus:bobb');
  });
});
