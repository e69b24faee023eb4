// Reads a WordPress export (WXR, `<rss><channel><item>`): each post's `<link>`, `<title>`,
// `<wp:post_id>` and `<wp:post_date_gmt>`, and its `<wp:comment>` children. WordPress stores a
// comment as text whose blank lines are paragraphs (it adds the <p>s on display), so the body is
// marked to be read that way.
import type { SaxesTagNS } from 'saxes';
import { type SourceRecord, type SourceState } from './records';
import { parseWordpressGmt } from './parse-date';
import { xmlRecords, type XmlHandlers } from './xml-stream';

const ITEM_FIELDS = new Set(['title', 'link', 'post_id', 'post_date_gmt', 'post_type']);
const COMMENT_FIELDS = new Set([
  'comment_id', 'comment_author', 'comment_author_email', 'comment_date_gmt', 'comment_date', 'comment_content',
  'comment_approved', 'comment_parent', 'comment_type',
]);
/** Items that are articles; attachments, menu entries and the like are not. */
const ARTICLE_TYPES = new Set(['post', 'page']);

const STATES: Record<string, SourceState> = { '1': 'published', approve: 'published', '0': 'pending', hold: 'pending', spam: 'spam', trash: 'deleted', 'post-trashed': 'deleted' };

export function readWordpress(chunks: AsyncIterable<string>): AsyncGenerator<SourceRecord> {
  return xmlRecords(chunks, { name: 'WordPress', root: 'rss' }, wordpressHandlers);
}

function wordpressHandlers(out: SourceRecord[]): XmlHandlers {
  let item: { line: number; fields: Map<string, string>; emitted: boolean; comments: number } | null = null;
  let comment: { line: number; fields: Map<string, string> } | null = null;
  let field: Map<string, string> | null = null;
  let fieldName = '';

  /** The thread goes out before its first comment, so the importer meets them in that order. */
  const emitThread = (i: NonNullable<typeof item>) => {
    if (i.emitted) return true;
    const id = i.fields.get('post_id')?.trim();
    const url = i.fields.get('link')?.trim();
    if (!id || !url) return false;
    i.emitted = true;
    out.push({ type: 'thread', sourceId: id, url, title: i.fields.get('title')?.trim() ?? '', createdAt: parseWordpressGmt(i.fields.get('post_date_gmt') ?? ''), line: i.line });
    return true;
  };

  const finishComment = (c: NonNullable<typeof comment>, i: NonNullable<typeof item>) => {
    const f = (k: string) => c.fields.get(k)?.trim() ?? '';
    const postId = i.fields.get('post_id')?.trim();
    if (!f('comment_id')) return out.push({ type: 'problem', line: c.line, message: 'a comment without wp:comment_id' });
    if (!postId) return out.push({ type: 'problem', line: c.line, message: `comment ${f('comment_id')} is in an item without wp:post_id` });
    // Drafts have no GMT date; their local date is the best there is.
    const createdAt = parseWordpressGmt(f('comment_date_gmt')) ?? parseWordpressGmt(f('comment_date'));
    if (createdAt === null) return out.push({ type: 'problem', line: c.line, message: `comment ${f('comment_id')} has no usable comment_date_gmt ("${f('comment_date_gmt')}")` });
    const state = STATES[f('comment_approved')];
    if (!state) return out.push({ type: 'problem', line: c.line, message: `comment ${f('comment_id')} has an unknown comment_approved "${f('comment_approved')}"` });
    const parent = f('comment_parent');
    const type = f('comment_type');
    out.push({
      type: 'comment',
      sourceId: f('comment_id'),
      threadSourceId: postId,
      parentSourceId: parent && parent !== '0' ? parent : null,
      html: c.fields.get('comment_content') ?? '',
      createdAt,
      state,
      author: { name: f('comment_author') || 'Anonymous', username: null, email: f('comment_author_email') || null },
      likes: 0,
      notice: type === 'pingback' || type === 'trackback',
      line: c.line,
    });
  };

  return {
    open(tag: SaxesTagNS, path: string[], line: number) {
      const depth = path.length;
      if (depth === 3 && tag.local === 'item') item = { line, fields: new Map(), emitted: false, comments: 0 };
      else if (depth === 4 && item && tag.local === 'comment') {
        item.comments++;
        emitThread(item);
        comment = { line, fields: new Map() };
      } else if (depth === 4 && item && ITEM_FIELDS.has(tag.local)) field = item.fields;
      else if (depth === 5 && comment && COMMENT_FIELDS.has(tag.local)) field = comment.fields;
      else field = null;
      if (field) {
        fieldName = tag.local;
        field.set(fieldName, '');
      }
    },
    close(local: string, path: string[]) {
      const depth = path.length;
      field = null;
      if (depth === 4 && local === 'comment' && comment && item) {
        finishComment(comment, item);
        comment = null;
      } else if (depth === 3 && local === 'item' && item) {
        const type = item.fields.get('post_type')?.trim() ?? 'post';
        if (item.comments > 0 || ARTICLE_TYPES.has(type)) emitThread(item);
        item = null;
      }
    },
    text(text: string) {
      if (field) field.set(fieldName, field.get(fieldName)! + text);
    },
  };
}
