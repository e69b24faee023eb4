// Reads a Disqus XML export (`<disqus>`): `<thread dsq:id>` with link, title and createdAt, then
// `<post dsq:id>` with its message (HTML, in CDATA), createdAt, isDeleted, isSpam, author, a
// `<thread dsq:id>` reference and an optional `<parent dsq:id>`. Categories and everything else
// are passed over.
import type { SaxesTagNS } from 'saxes';
import { type SourceComment, type SourceRecord, type SourceState } from './records';
import { parseIsoDate } from './parse-date';
import { attribute, xmlRecords, type XmlHandlers } from './xml-stream';

/** The fields kept, by path below the record element; other elements' text is never collected. */
const THREAD_FIELDS = new Set(['link', 'title', 'createdAt']);
const POST_FIELDS = new Set(['message', 'createdAt', 'isDeleted', 'isSpam', 'likes', 'author/name', 'author/email', 'author/username', 'author/isAnonymous']);

export function readDisqus(chunks: AsyncIterable<string>): AsyncGenerator<SourceRecord> {
  return xmlRecords(chunks, { name: 'Disqus', root: 'disqus' }, disqusHandlers);
}

function disqusHandlers(out: SourceRecord[]): XmlHandlers {
  let record: { kind: 'thread' | 'post'; id: string | null; line: number; fields: Map<string, string>; thread: string | null; parent: string | null } | null = null;
  let field: string | null = null;

  const finishThread = (r: NonNullable<typeof record>) => {
    const url = r.fields.get('link')?.trim() ?? '';
    if (!r.id) return out.push({ type: 'problem', line: r.line, message: 'a thread without dsq:id' });
    if (!url) return out.push({ type: 'problem', line: r.line, message: `thread ${r.id} has no link` });
    out.push({ type: 'thread', sourceId: r.id, url, title: r.fields.get('title')?.trim() ?? '', createdAt: parseIsoDate(r.fields.get('createdAt') ?? ''), line: r.line });
  };

  const finishPost = (r: NonNullable<typeof record>) => {
    const f = r.fields;
    if (!r.id) return out.push({ type: 'problem', line: r.line, message: 'a post without dsq:id' });
    if (!r.thread) return out.push({ type: 'problem', line: r.line, message: `post ${r.id} names no thread` });
    const createdAt = parseIsoDate(f.get('createdAt') ?? '');
    if (createdAt === null) return out.push({ type: 'problem', line: r.line, message: `post ${r.id} has no usable createdAt ("${(f.get('createdAt') ?? '').trim()}")` });
    const yes = (k: string) => f.get(k)?.trim() === 'true';
    const state: SourceState = yes('isSpam') ? 'spam' : yes('isDeleted') ? 'deleted' : 'published';
    const anonymous = yes('author/isAnonymous');
    const comment: SourceComment = {
      type: 'comment',
      sourceId: r.id,
      threadSourceId: r.thread,
      parentSourceId: r.parent,
      html: f.get('message') ?? '',
      createdAt,
      state,
      author: {
        name: f.get('author/name')?.trim() || f.get('author/username')?.trim() || 'Anonymous',
        username: anonymous ? null : f.get('author/username')?.trim() || null,
        email: f.get('author/email')?.trim() || null,
      },
      likes: Math.max(0, Number.parseInt(f.get('likes') ?? '0', 10) || 0),
      notice: false,
      line: r.line,
    };
    out.push(comment);
  };

  return {
    open(tag: SaxesTagNS, path: string[], line: number) {
      if (path.length === 2 && (tag.local === 'thread' || tag.local === 'post')) {
        record = { kind: tag.local, id: attribute(tag, 'id'), line, fields: new Map(), thread: null, parent: null };
        return;
      }
      if (!record) return;
      const below = path.slice(2).join('/');
      if (record.kind === 'post' && path.length === 3 && (tag.local === 'thread' || tag.local === 'parent')) {
        record[tag.local] = attribute(tag, 'id');
        return;
      }
      const fields = record.kind === 'thread' ? THREAD_FIELDS : POST_FIELDS;
      field = fields.has(below) ? below : null;
      if (field) record.fields.set(field, '');
    },
    close(_local: string, path: string[]) {
      field = null;
      if (path.length === 2 && record) {
        if (record.kind === 'thread') finishThread(record);
        else finishPost(record);
        record = null;
      }
    },
    text(text: string) {
      if (record && field) record.fields.set(field, record.fields.get(field)! + text);
    },
  };
}
