// Importing the Disqus fixture: threads by canonical URL (with --map-domain), nested replies and a
// reply before its parent, HTML turned into the comment Markdown and rendered as a post would be,
// deleted and spam comments with and without the skip flags, idempotent re-runs and dry runs,
// and a broken file's problems listed with their lines.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../support/app';
import { openThread } from '../../../support/api';
import { importedComment, importedState, importExport } from '../../../support/import';
import { parseDomainMap } from '../../../../server/services/import/thread-url';
import { formatSummary } from '../../../../server/services/import/summary';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(() => t.close());

const domains = parseDomainMap(['old.example=news.example']);
const comment = (id: string) => importedComment(t, 'disqus', id);

describe('importing a Disqus export', () => {
  it('imports every comment of every thread it can place, and says what it skipped and why', async () => {
    const summary = await importExport(t, 'disqus', 'disqus.xml', { domains });
    expect(summary.imported).toEqual({ threads: 2, threadsReused: 0, comments: 8, users: 4 + 1 });
    expect(summary.skipped).toMatchObject({ unknown_thread: 1, deleted: 0, spam: 0, already_imported: 0 });
    expect(summary.threadsWithoutComments).toBe(1);
    expect(summary.errors).toEqual([]);
    const threads = await t.client.execute('SELECT url, title, section, created_at, comment_count FROM threads ORDER BY created_at');
    expect(threads.rows.map((r) => ({ ...r }))).toEqual([
      { url: 'https://news.example/2013/05/city-budget', title: 'Council passes a budget & a levy', section: 'news', created_at: Date.UTC(2013, 4, 1, 8), comment_count: 4 },
      { url: 'https://news.example/newsletter/morning-briefing', title: 'Morning Briefing', section: 'newsletter', created_at: Date.UTC(2014, 1, 3, 6, 30), comment_count: 2 },
    ]);
  });

  it('links replies to their parents, also a reply that comes before its parent in the file', async () => {
    await importExport(t, 'disqus', 'disqus.xml', { domains });
    const [top, reply, replyFirst] = [await comment('2001'), await comment('2002'), await comment('2003')];
    expect(reply).toMatchObject({ parent_id: top.id, root_id: top.id, depth: 1 });
    expect(replyFirst).toMatchObject({ parent_id: reply.id, root_id: top.id, depth: 2 });
    // Readers see the same tree: the deleted reply as a tombstone in its place.
    const view = await openThread(t, { url: 'https://news.example/2013/05/city-budget', sort: 'oldest' });
    const tree = view.comments.map((c) => [c.author?.name ?? '(deleted)', view.comments.find((p) => p.id === c.parentId)?.author?.name ?? null]);
    expect(tree).toEqual([
      ['Alice Archer', null],
      ['Dóra Ünal', null],
      ['Carol', 'Alice Archer'],
      ['Bob Baker', 'Carol'],
      ['(deleted)', 'Alice Archer'],
    ]);
  });

  it('turns the HTML into the comment Markdown and renders it exactly as a posted comment, links made safe', async () => {
    await importExport(t, 'disqus', 'disqus.xml', { domains });
    const first = await comment('2001');
    expect(first.body_src).toBe(
      "This budget is **bold** and *overdue* & welcome. Details at [the council's page](https://news.example/budget-2013).\n\nSecond paragraph\nwith a break.",
    );
    expect(first.body_html).toBe(
      '<p>This budget is <strong>bold</strong> and <em>overdue</em> &amp; welcome. Details at <a href="https://news.example/budget-2013" rel="nofollow ugc noopener" target="_blank">the council\'s page</a>.</p>\n<p>Second paragraph<br>\nwith a break.</p>',
    );
    expect((await comment('2003')).body_html).toBe('<p>Replying to Carol: I <em>disagree</em> — see this.</p>');
    const rich = await comment('2004');
    expect(rich.body_src).toBe('> The council passes a budget\n\nThings to read, with `x * y`:\n\n- the **summary**\n- the annex\n\nGrüße aus München 😀 — 日本語のコメント <not a tag>');
    expect(rich.body_html).toContain('<blockquote>\n<p>The council passes a budget</p>\n</blockquote>');
    expect(rich.body_html).toContain('<code>x * y</code>');
    expect(rich.body_html).toContain('&lt;not a tag&gt;');
  });

  it('keeps timestamps and likes, and shows imported authors by name with an Imported badge', async () => {
    await importExport(t, 'disqus', 'disqus.xml', { domains });
    const first = await comment('2001');
    expect(first).toMatchObject({ created_at: Date.UTC(2013, 4, 1, 9, 15), like_count: 3, display_name: 'Alice Archer', external_id: 'imported:disqus:alice_w', imported: 1 });
    // An anonymous author is known by a hash of their address, never the address itself.
    expect(String((await comment('2002')).external_id)).toMatch(/^imported:disqus:email:[0-9a-f]{64}$/);
    const view = await openThread(t, { url: 'https://news.example/2013/05/city-budget' });
    const alice = view.comments.find((c) => c.author?.name === 'Alice Archer')!;
    expect(alice.author).toMatchObject({ badges: ['Imported'], role: 'member' });
    expect(alice.likes).toBe(3);
    // One user per author across threads.
    expect((await comment('2007')).author_id).toBe(first.author_id);
  });

  it('imports deleted comments as tombstones and spam as rejected, unless told to skip them', async () => {
    await importExport(t, 'disqus', 'disqus.xml', { domains });
    expect(await comment('2005')).toMatchObject({ status: 'published', body_src: '', body_html: '', deleted_at: Date.UTC(2013, 4, 2, 8) });
    const spam = await comment('2006');
    expect(spam).toMatchObject({ status: 'rejected', reject_reason: 'spam' });
    expect(JSON.parse(String(spam.reasons))).toEqual([{ ruleId: 'import', message: 'Marked as spam in Disqus', spans: [] }]);

    const other = await createTestContext();
    try {
      const summary = await importExport(other, 'disqus', 'disqus.xml', { domains, skipDeleted: true, skipSpam: true });
      expect(summary.skipped).toMatchObject({ deleted: 1, spam: 1 });
      expect(summary.imported.comments).toBe(6);
      expect(await importedComment(other, 'disqus', '2005')).toBeUndefined();
      expect(await importedComment(other, 'disqus', '2006')).toBeUndefined();
    } finally {
      other.close();
    }
  });

  it('refuses threads outside the allowed origins without --map-domain, naming the line', async () => {
    const summary = await importExport(t, 'disqus', 'disqus.xml');
    expect(summary.threadsRefused).toBe(1);
    expect(summary.skipped.origin_not_allowed).toBe(2);
    expect(summary.errors).toEqual([{ line: 25, message: expect.stringContaining('https://old.example/newsletter/morning-briefing is not under') }]);
  });

  it('reuses the thread Parley already has for the article', async () => {
    const existing = await openThread(t, { url: 'https://news.example/2013/05/city-budget?ref=home' });
    const summary = await importExport(t, 'disqus', 'disqus.xml', { domains });
    expect(summary.imported).toMatchObject({ threads: 1, threadsReused: 1 });
    expect((await comment('2001')).thread_id).toBe(existing.thread.id);
    expect((await openThread(t, { url: 'https://news.example/2013/05/city-budget' })).thread.commentCount).toBe(4);
  });

  it('adds and changes nothing when run again', async () => {
    await importExport(t, 'disqus', 'disqus.xml', { domains });
    const before = await importedState(t);
    const again = await importExport(t, 'disqus', 'disqus.xml', { domains });
    expect(again.imported).toEqual({ threads: 0, threadsReused: 0, comments: 0, users: 0 });
    expect(again.skipped.already_imported).toBe(8);
    expect(await importedState(t)).toBe(before);
    expect((await t.client.execute('SELECT COUNT(*) AS n FROM import_staging')).rows[0].n).toBe(0);
  });

  it('reports in a dry run what a real run then does, writing nothing', async () => {
    const before = await importedState(t);
    const dry = await importExport(t, 'disqus', 'disqus.xml', { domains, dryRun: true });
    expect(await importedState(t)).toBe(before);
    const real = await importExport(t, 'disqus', 'disqus.xml', { domains });
    expect({ ...dry, dryRun: false }).toEqual(real);
  });

  it('lists a broken file’s problems with their lines and imports the rest', async () => {
    const summary = await importExport(t, 'disqus', 'disqus-broken.xml');
    expect(summary.errors).toEqual([
      { line: 5, message: 'XML: undefined entity.' },
      { line: 16, message: 'post 2002 has no usable createdAt ("sometime in May")' },
    ]);
    expect(summary.imported.comments).toBe(2);
    const text = formatSummary(summary);
    expect(text).toContain('Errors: 2\n  line 5: XML: undefined entity.\n  line 16: post 2002');
    expect(text).toContain('comments  2');
  });

  it('stops at a file that is not a Disqus export', async () => {
    await expect(importExport(t, 'disqus', 'wordpress.xml')).rejects.toThrow('not a Disqus export: the root element is <rss>');
  });
});
