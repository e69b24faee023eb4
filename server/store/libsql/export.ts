// A site's rows for `npm run export`, page by page in key order (keyset paging: each page one
// range of an index, never OFFSET), and the same rows written back by a restore. The columns
// are the export schemas' fields (shared/schemas/export.ts) in snake_case; the site's id is
// never read from a file, it is the site restored into.
import type { InStatement, Row } from '@libsql/client';
import { EXPORT_ROW_SCHEMAS, type ExportRow, type ExportRowType } from '../../../shared/schemas/export';
import type { Db } from './db';
import type { ExportPage } from '../import-port';

interface TableSpec {
  table: string;
  /** Key columns: the page order, unique per row. */
  key: string[];
  /** Rows of the site; `r` is the table. */
  from: string;
  json: string[];
}

const TABLES: Record<ExportRowType, TableSpec> = {
  thread: { table: 'threads', key: ['id'], from: 'threads r WHERE r.site_id = ?', json: [] },
  user: { table: 'users', key: ['id'], from: 'users r WHERE r.site_id = ?', json: ['badges'] },
  // Oldest first, so a reply (made after its parent) nearly always follows it.
  comment: { table: 'comments', key: ['created_at', 'id'], from: 'comments r WHERE r.site_id = ?', json: ['reasons'] },
  reaction: { table: 'reactions', key: ['comment_id', 'user_id'], from: 'reactions r JOIN comments c ON c.id = r.comment_id WHERE c.site_id = ?', json: [] },
  report: { table: 'reports', key: ['comment_id', 'user_id'], from: 'reports r WHERE r.site_id = ?', json: [] },
  moderation_action: { table: 'moderation_actions', key: ['id'], from: 'moderation_actions r WHERE r.site_id = ?', json: ['before', 'after'] },
};

const snake = (field: string) => field.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
const fieldsOf = (type: ExportRowType) => Object.keys(EXPORT_ROW_SCHEMAS[type].shape).filter((f) => f !== 'type');
/** Tables without site_id (reactions) belong to the site through their comment. */
const HAS_SITE_ID = new Set(['threads', 'users', 'comments', 'reports', 'moderation_actions']);

function toRow(type: ExportRowType, r: Row): ExportRow {
  const spec = TABLES[type];
  const row: ExportRow = { type };
  for (const field of fieldsOf(type)) {
    const column = snake(field);
    const value = r[column];
    row[field] = spec.json.includes(column) ? JSON.parse(String(value)) : value ?? null;
  }
  return row;
}

export async function exportPage(db: Db, siteId: string, type: ExportRowType, after: unknown[] | null, limit: number): Promise<ExportPage> {
  const spec = TABLES[type];
  const key = spec.key.map((k) => `r.${k}`);
  const range = after ? `AND (${key.join(', ')}) > (${key.map(() => '?').join(', ')})` : '';
  const rs = await db.read({
    sql: `SELECT r.* FROM ${spec.from} ${range} ORDER BY ${key.join(', ')} LIMIT ?`,
    args: [siteId, ...((after ?? []) as (string | number)[]), limit],
  });
  const rows = rs.rows.map((r) => toRow(type, r));
  const last = rs.rows[rs.rows.length - 1];
  return { rows, next: rs.rows.length === limit && last ? spec.key.map((k) => last[k]) : null };
}

export async function restoreRows(db: Db, siteId: string, type: ExportRowType, rows: ExportRow[]): Promise<void> {
  if (!rows.length) return;
  const spec = TABLES[type];
  const fields = fieldsOf(type);
  const columns = fields.map(snake);
  const withSite = HAS_SITE_ID.has(spec.table);
  const sql = `INSERT INTO ${spec.table} (${[...(withSite ? ['site_id'] : []), ...columns].join(', ')}) VALUES (${[...(withSite ? ['?'] : []), ...columns.map(() => '?')].join(', ')})`;
  const stmts: InStatement[] = rows.map((row) => ({
    sql,
    args: [
      ...(withSite ? [siteId] : []),
      ...fields.map((f, i) => (spec.json.includes(columns[i]) ? JSON.stringify(row[f]) : (row[f] as string | number | null))),
    ],
  }));
  await db.write(stmts);
}

export async function siteIsEmpty(db: Db, siteId: string): Promise<boolean> {
  const rs = await db.read({
    sql: `SELECT EXISTS (SELECT 1 FROM threads WHERE site_id = ?1) OR EXISTS (SELECT 1 FROM users WHERE site_id = ?1) OR EXISTS (SELECT 1 FROM comments WHERE site_id = ?1) AS used`,
    args: [siteId],
  });
  return Number(rs.rows[0]?.used ?? 0) === 0;
}

export async function existingCommentIds(db: Db, siteId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rs = await db.read({ sql: `SELECT id FROM comments WHERE site_id = ? AND id IN (${ids.map(() => '?').join(',')})`, args: [siteId, ...ids] });
  return new Set(rs.rows.map((r) => String(r.id)));
}
