// The part of a thread page that is the same for every reader: its top-level comments, their
// replies and the editor's picks, as stored rows, kept per thread version (bumped by every write
// to the thread), page and order. A member's page is then these rows plus what is theirs alone —
// their pending comments and their likes, two indexed lookups — instead of a full listing each.
import type { CommentWithAuthor } from '../store/port';
import { ByteBudgetMap } from './byte-budget-map';

export interface SharedPageRows {
  roots: CommentWithAuthor[];
  replies: CommentWithAuthor[];
  featured: CommentWithAuthor[];
  hasMore: boolean;
}

export interface SharedPages {
  get(key: string): SharedPageRows | undefined;
  set(key: string, rows: SharedPageRows): void;
}

/** What a row costs held in memory, roughly: its texts twice over (UTF-16) and the rest. */
const rowBytes = (c: CommentWithAuthor) => (c.bodyHtml.length + c.bodySrc.length + c.author.displayName.length) * 2 + 400;

export function sharedPages(maxBytes = 16 * 1024 * 1024): SharedPages {
  const pages = new ByteBudgetMap<SharedPageRows>(maxBytes);
  return {
    get: (key) => pages.get(key),
    set(key, rows) {
      const bytes = [...rows.roots, ...rows.replies, ...rows.featured].reduce((n, c) => n + rowBytes(c), 0);
      pages.set(key, rows, bytes);
    },
  };
}
