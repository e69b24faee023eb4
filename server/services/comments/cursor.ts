// Opaque page cursors: the keyset of the last row, so the next page is a range scan from there.
import type { Sort } from '../../../shared/schemas/common';
import type { CommentRecord, Keyset } from '../../store/port';
import { AppError } from '../errors';
import { packCursor, unpackCursor } from '../cursor-codec';

export function encodeCursor(sort: Sort, last: CommentRecord): string {
  const parts = sort === 'top' ? [sort, last.likeCount, last.createdAt, last.id] : [sort, last.createdAt, last.id];
  return packCursor(parts);
}

export function decodeCursor(sort: Sort, cursor: string | undefined): Keyset | null {
  if (!cursor) return null;
  const parts = unpackCursor(cursor);
  if (!parts || parts[0] !== sort) throw invalid();
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
