// Importing the WordPress fixture: a post's comments with their approval states (approved, held,
// spam, trash), pingbacks left out, replies before their parents, and WordPress's plain-text
// bodies (blank lines are paragraphs) turned into the comment Markdown.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../support/app';
import { importedComment, importExport } from '../../../support/import';
import { parseDomainMap } from '../../../../server/services/import/thread-url';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(() => t.close());

const domains = parseDomainMap(['blog.example=news.example']);
const comment = (id: string) => importedComment(t, 'wordpress', id);

describe('importing a WordPress export', () => {
  it('makes a thread for the post with comments, at its mapped canonical URL, and none for pages without', async () => {
    const summary = await importExport(t, 'wordpress', 'wordpress.xml', { domains });
    expect(summary.imported).toEqual({ threads: 1, threadsReused: 0, comments: 6, users: 4 });
    expect(summary.skipped).toMatchObject({ notice: 1, deleted: 0, spam: 0 });
    expect(summary.threadsWithoutComments).toBe(1);
    const threads = await t.client.execute('SELECT url, title, created_at, comment_count FROM threads');
    expect(threads.rows.map((r) => ({ ...r }))).toEqual([
      { url: 'https://news.example/2012/11/harbour-reopens', title: 'Harbour reopens after storm', created_at: Date.UTC(2012, 10, 5, 9), comment_count: 3 },
    ]);
  });

  it('reads blank lines as paragraphs and line breaks as breaks, with the HTML inside kept', async () => {
    await importExport(t, 'wordpress', 'wordpress.xml', { domains });
    const first = await comment('7');
    expect(first.body_src).toBe('Finally! The boats are back.\n\nI walked past this morning and it looked **great**.\nSee https://harbour.example for the timetable & fees.');
    expect(first.body_html).toBe(
      '<p>Finally! The boats are back.</p>\n<p>I walked past this morning and it looked <strong>great</strong>.<br>\nSee <a href="https://harbour.example" rel="nofollow ugc noopener" target="_blank">https://harbour.example</a> for the timetable &amp; fees.</p>',
    );
    expect((await comment('9')).body_src).toBe('> it looked great\n\nIt did! Ça va très bien 🎉');
  });

  it('links a reply that comes before its parent, and keeps one author per address whatever its case', async () => {
    await importExport(t, 'wordpress', 'wordpress.xml', { domains });
    const [top, reply, replyFirst] = [await comment('7'), await comment('8'), await comment('9')];
    expect(reply).toMatchObject({ parent_id: top.id, depth: 1, author_id: top.author_id, created_at: Date.UTC(2012, 10, 5, 11) });
    expect(replyFirst).toMatchObject({ parent_id: reply.id, root_id: top.id, depth: 2, display_name: 'Ingrid' });
  });

  it('holds unapproved comments for review, rejects spam and keeps trash as tombstones, or skips them when told', async () => {
    await importExport(t, 'wordpress', 'wordpress.xml', { domains });
    expect(await comment('10')).toMatchObject({ status: 'pending', body_src: 'Waiting for approval, with `code`.' });
    expect(await comment('11')).toMatchObject({ status: 'rejected', reject_reason: 'spam' });
    expect(await comment('12')).toMatchObject({ status: 'published', body_src: '', deleted_at: Date.UTC(2012, 10, 6, 10) });
    expect(await comment('13')).toBeUndefined();

    const other = await createTestContext();
    try {
      const summary = await importExport(other, 'wordpress', 'wordpress.xml', { domains, skipDeleted: true, skipSpam: true });
      expect(summary.skipped).toMatchObject({ deleted: 1, spam: 1, notice: 1 });
      expect(summary.imported.comments).toBe(4);
    } finally {
      other.close();
    }
  });
});
