// Opaque page cursors: the keyset of the last row, so the next page is a range scan from there.
import type { Sort } from '../../../shared/schemas/common';
import type { CommentRecord, Keyset } from '../../store/port';
import { AppError } from '../errors';

export function encodeCursor(sort: Sort, last: CommentRecord): string {
  const parts = sort === 'top' ? [sort, last.likeCount, last.createdAt, last.id] : [sort, last.createdAt, last.id];
  return btoa(JSON.stringify(parts)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(sort: Sort, cursor: string | undefined): Keyset | null {
  if (!cursor) return null;
  let parts: unknown;
  try {
    parts = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parts) || parts[0] !== sort) throw invalid();
  const [, ...rest] = parts;
  if (sort === 'top') {
    const [likeCount, createdAt, id] = rest;
    if (typeof likeCount !== 'number' || typeof createdAt !== 'number' || typeof id !== 'string') throw invalid();
    return { likeCount, createdAt, id };
  }
  const [createdAt, id] = rest;
  if (typeof createdAt !== 'number' || typeof id !== 'string') throw invalid();
  return { createdAt, id };
}

const invalid = () => new AppError('invalid_input', 'The cursor is not valid for this sort', { cursor: 'is not a valid cursor' });
