// Import bookkeeping: source id mappings, one run's staging rows, and the chunk transaction.
import type { InStatement } from '@libsql/client';
import type { Db } from './db';
import type { ImportChunk, PlacedComment, StagedRecord, StagedSelection } from '../import-port';

const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

export async function importedThreads(db: Db, siteId: string, source: string, sourceIds: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (!sourceIds.length) return found;
  const rs = await db.read({
    sql: `SELECT source_id, parley_id FROM import_sources WHERE site_id = ? AND source = ? AND kind = 'thread' AND source_id IN (${marks(sourceIds.length)})`,
    args: [siteId, source, ...sourceIds],
  });
  for (const r of rs.rows) found.set(String(r.source_id), String(r.parley_id));
  return found;
}

export async function importedComments(db: Db, siteId: string, source: string, sourceIds: string[]): Promise<Map<string, PlacedComment>> {
  const found = new Map<string, PlacedComment>();
  if (!sourceIds.length) return found;
  const rs = await db.read({
    sql: `SELECT m.source_id, c.id, c.thread_id, c.root_id, c.depth FROM import_sources m JOIN comments c ON c.id = m.parley_id
          WHERE m.site_id = ? AND m.source = ? AND m.kind = 'comment' AND m.source_id IN (${marks(sourceIds.length)})`,
    args: [siteId, source, ...sourceIds],
  });
  for (const r of rs.rows) found.set(String(r.source_id), { id: String(r.id), threadId: String(r.thread_id), rootId: String(r.root_id), depth: Number(r.depth) });
  return found;
}

export async function usersByExternalIds(db: Db, siteId: string, externalIds: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (!externalIds.length) return found;
  const rs = await db.read({
    sql: `SELECT external_id, id FROM users WHERE site_id = ? AND external_id IN (${marks(externalIds.length)})`,
    args: [siteId, ...externalIds],
  });
  for (const r of rs.rows) found.set(String(r.external_id), String(r.id));
  return found;
}

type Value = string | number | null;

/** Most parameters one statement takes here: well under SQLite's limit (32,766). */
const MAX_PARAMS = 8000;

/**
 * Rows as few multi-row INSERTs: preparing a statement costs about as much as running it, so 500
 * comments in one statement instead of 500 roughly halves a chunk's time.
 */
function insertMany(head: string, rowArgs: Value[][], tail = ''): InStatement[] {
  if (!rowArgs.length) return [];
  const perRow = rowArgs[0].length;
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMS / perRow));
  const tuple = `(${marks(perRow)})`;
  const stmts: InStatement[] = [];
  for (let at = 0; at < rowArgs.length; at += rowsPerStatement) {
    const part = rowArgs.slice(at, at + rowsPerStatement);
    stmts.push({ sql: `${head} VALUES ${part.map(() => tuple).join(', ')} ${tail}`, args: part.flat() });
  }
  return stmts;
}

export async function writeImportChunk(db: Db, chunk: ImportChunk): Promise<void> {
  const { siteId, source, runId, now } = chunk;
  const stmts: InStatement[] = [
    ...insertMany(
      'INSERT INTO threads (id, site_id, page_key, url, title, section, section_locked, closed, created_at, published_at)',
      chunk.threads.map((t) => [t.id, siteId, t.pageKey, t.url, t.title, t.section, 0, 0, t.createdAt, t.publishedAt ?? null]),
    ),
    ...insertMany(
      'INSERT INTO users (id, site_id, external_id, display_name, badges, imported, created_at, updated_at)',
      chunk.users.map((u) => [u.id, siteId, u.externalId, u.displayName, '["Imported"]', 1, u.createdAt, now]),
    ),
    // In the chunk's order, parents before their replies (the parent_id reference is checked per row).
    ...insertMany(
      `INSERT INTO comments (id, site_id, thread_id, parent_id, root_id, depth, author_id, body_src, body_html,
         status, like_count, created_at, deleted_at, reasons, reject_reason)`,
      chunk.comments.map((c) => [
        c.id, siteId, c.threadId, c.parentId, c.rootId, c.depth, c.authorId, c.bodySrc, c.bodyHtml,
        c.status, c.likeCount, c.createdAt, c.deletedAt, JSON.stringify(c.reasons), c.rejectReason,
      ]),
    ),
    ...insertMany(
      'INSERT INTO import_sources (site_id, source, kind, source_id, parley_id, created_at)',
      chunk.mappings.map((m) => [siteId, source, m.kind, m.sourceId, m.parleyId, now]),
    ),
  ];
  for (const { threadId, delta } of chunk.counts) {
    stmts.push({ sql: 'UPDATE threads SET comment_count = comment_count + ?, version = version + 1 WHERE id = ? AND site_id = ?', args: [delta, threadId, siteId] });
  }
  for (const kind of ['thread', 'comment'] as const) {
    const ids = chunk.unstage.filter((s) => s.kind === kind).map((s) => s.sourceId);
    for (let at = 0; at < ids.length; at += MAX_PARAMS) {
      const part = ids.slice(at, at + MAX_PARAMS);
      stmts.push({ sql: `DELETE FROM import_staging WHERE run_id = ? AND kind = ? AND source_id IN (${marks(part.length)})`, args: [runId, kind, ...part] });
    }
  }
  // The same id twice in one file: the first one staged stands, as it would if it were written.
  stmts.push(
    ...insertMany(
      'INSERT INTO import_staging (run_id, site_id, kind, source_id, parent_source_id, record)',
      chunk.stage.map((s) => [runId, siteId, s.kind, s.sourceId, s.parentSourceId, JSON.stringify(s.record)]),
      'ON CONFLICT DO NOTHING',
    ),
  );
  if (stmts.length) await db.write(stmts);
}

export async function stagedThreads(db: Db, runId: string, sourceIds: string[]): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>();
  if (!sourceIds.length) return found;
  const rs = await db.read({
    sql: `SELECT source_id, record FROM import_staging WHERE run_id = ? AND kind = 'thread' AND source_id IN (${marks(sourceIds.length)})`,
    args: [runId, ...sourceIds],
  });
  for (const r of rs.rows) found.set(String(r.source_id), JSON.parse(String(r.record)));
  return found;
}

const PARENT_STORED = `EXISTS (SELECT 1 FROM import_sources m WHERE m.site_id = ? AND m.source = ? AND m.kind = 'comment' AND m.source_id = s.parent_source_id)`;
const PARENT_STAGED = `EXISTS (SELECT 1 FROM import_staging p WHERE p.run_id = s.run_id AND p.kind = 'comment' AND p.source_id = s.parent_source_id)`;

export async function stagedComments(db: Db, runId: string, siteId: string, source: string, selection: StagedSelection, limit: number): Promise<StagedRecord[]> {
  const where =
    selection === 'ready' ? `AND (s.parent_source_id IS NULL OR ${PARENT_STORED})`
    : selection === 'orphans' ? `AND s.parent_source_id IS NOT NULL AND NOT ${PARENT_STORED} AND NOT ${PARENT_STAGED}`
    : '';
  const rs = await db.read({
    sql: `SELECT s.source_id, s.parent_source_id, s.record FROM import_staging s WHERE s.run_id = ? AND s.kind = 'comment' ${where} LIMIT ?`,
    args: selection === 'rest' ? [runId, limit] : [runId, siteId, source, limit],
  });
  return rs.rows.map((r) => ({
    kind: 'comment',
    sourceId: String(r.source_id),
    parentSourceId: r.parent_source_id == null ? null : String(r.parent_source_id),
    record: JSON.parse(String(r.record)),
  }));
}

export async function countStagedThreads(db: Db, runId: string): Promise<number> {
  const rs = await db.read({ sql: `SELECT COUNT(*) AS n FROM import_staging WHERE run_id = ? AND kind = 'thread'`, args: [runId] });
  return Number(rs.rows[0]?.n ?? 0);
}

export async function clearImportStaging(db: Db, siteId: string): Promise<void> {
  await db.write([{ sql: 'DELETE FROM import_staging WHERE site_id = ?', args: [siteId] }]);
}
