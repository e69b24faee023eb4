// What a database holds, read the same way from an embedded file or a libSQL server: its schema
// as SQL, its tables, and how many rows each has.
import type { Client, Transaction } from '@libsql/client';

type Reader = Pick<Client | Transaction, 'execute'>;

export interface SchemaItem {
  type: 'table' | 'index' | 'trigger' | 'view';
  name: string;
  sql: string;
}

// SQLite's own tables and libSQL's bookkeeping are recreated by the engine, never copied.
const INTERNAL = "name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'libsql\\_%' ESCAPE '\\' AND name NOT LIKE '\\_%' ESCAPE '\\'";

/** Tables first (in creation order), then indexes, triggers and views. */
export async function readSchema(db: Reader): Promise<SchemaItem[]> {
  const rs = await db.execute(
    `SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND ${INTERNAL}
     ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'trigger' THEN 2 ELSE 3 END, rowid`,
  );
  return rs.rows.map((r) => ({ type: String(r.type) as SchemaItem['type'], name: String(r.name), sql: String(r.sql) }));
}

export const tablesOf = (schema: SchemaItem[]) => schema.filter((s) => s.type === 'table');

export const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function countRows(db: Reader, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = Number((await db.execute(`SELECT COUNT(*) AS n FROM ${quoted(t)}`)).rows[0].n);
  return counts;
}

export async function migrationNames(db: Reader): Promise<string[]> {
  const rs = await db.execute('SELECT name FROM schema_migrations ORDER BY name');
  return rs.rows.map((r) => String(r.name));
}
