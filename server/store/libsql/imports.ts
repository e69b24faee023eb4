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

export async function writeImportChunk(db: Db, chunk: ImportChunk): Promise<void> {
  const { siteId, source, runId, now } = chunk;
  const stmts: InStatement[] = [];
  for (const t of chunk.threads) {
    stmts.push({
      sql: `INSERT INTO threads (id, site_id, page_key, url, title, section, section_locked, closed, created_at, published_at)
            VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?)`,
      args: [t.id, siteId, t.pageKey, t.url, t.title, t.section, t.createdAt, t.publishedAt ?? null],
    });
  }
  for (const u of chunk.users) {
    stmts.push({
      sql: `INSERT INTO users (id, site_id, external_id, display_name, badges, imported, created_at, updated_at) VALUES (?, ?, ?, ?, '["Imported"]', 1, ?, ?)`,
      args: [u.id, siteId, u.externalId, u.displayName, u.createdAt, now],
    });
  }
  for (const c of chunk.comments) {
    stmts.push({
      sql: `INSERT INTO comments (id, site_id, thread_id, parent_id, root_id, depth, author_id, body_src, body_html,
              status, like_count, created_at, deleted_at, reasons, reject_reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [
        c.id, siteId, c.threadId, c.parentId, c.rootId, c.depth, c.authorId, c.bodySrc, c.bodyHtml,
        c.status, c.likeCount, c.createdAt, c.deletedAt, JSON.stringify(c.reasons), c.rejectReason,
      ],
    });
  }
  for (const m of chunk.mappings) {
    stmts.push({
      sql: 'INSERT INTO import_sources (site_id, source, kind, source_id, parley_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      args: [siteId, source, m.kind, m.sourceId, m.parleyId, now],
    });
  }
  for (const { threadId, delta } of chunk.counts) {
    stmts.push({ sql: 'UPDATE threads SET comment_count = comment_count + ?, version = version + 1 WHERE id = ? AND site_id = ?', args: [delta, threadId, siteId] });
  }
  for (const s of chunk.unstage) {
    stmts.push({ sql: 'DELETE FROM import_staging WHERE run_id = ? AND kind = ? AND source_id = ?', args: [runId, s.kind, s.sourceId] });
  }
  for (const s of chunk.stage) {
    // The same id twice in one file: the first one staged stands, as it would if it were written.
    stmts.push({
      sql: `INSERT INTO import_staging (run_id, site_id, kind, source_id, parent_source_id, record) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      args: [runId, siteId, s.kind, s.sourceId, s.parentSourceId, JSON.stringify(s.record)],
    });
  }
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
