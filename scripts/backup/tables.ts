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

/**
 * Tables first (in creation order), then indexes, triggers and views. A virtual table's shadow
 * tables (the search index's storage) are left out: creating the virtual table makes them.
 */
export async function readSchema(db: Reader): Promise<SchemaItem[]> {
  const rs = await db.execute(
    `SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND ${INTERNAL}
       AND name NOT IN (SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow')
     ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'trigger' THEN 2 ELSE 3 END, rowid`,
  );
  return rs.rows.map((r) => ({ type: String(r.type) as SchemaItem['type'], name: String(r.name), sql: String(r.sql) }));
}

const isVirtual = (s: SchemaItem) => /^CREATE\s+VIRTUAL\s+TABLE/i.test(s.sql);

/** The tables that hold rows of their own: a virtual table's rows are derived (see searchIndexesOf). */
export const tablesOf = (schema: SchemaItem[]) => schema.filter((s) => s.type === 'table' && !isVirtual(s));

/** Full-text indexes over other tables (external content): rebuilt from those after a copy, never copied. */
export const searchIndexesOf = (schema: SchemaItem[]) => schema.filter((s) => s.type === 'table' && isVirtual(s) && /USING\s+fts5/i.test(s.sql) && /content\s*=/i.test(s.sql));

/** Rebuilds each full-text index from the rows it indexes. */
export async function rebuildSearchIndexes(db: Reader, schema: SchemaItem[]): Promise<void> {
  for (const index of searchIndexesOf(schema)) await db.execute(`INSERT INTO ${quoted(index.name)}(${quoted(index.name)}) VALUES ('rebuild')`);
}

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
