// Copies every row of every table from one database to another, a page at a time: from inside a
// read transaction (one consistent snapshot of a live server) into a write transaction, so the
// copy is all there or not there at all.
import type { InStatement, InValue, Transaction } from '@libsql/client';
import { quoted, type SchemaItem } from './tables';

const PAGE = 500;

export async function copyRows(from: Transaction, to: Transaction, tables: SchemaItem[], log: (line: string) => void): Promise<void> {
  for (const table of tables) {
    const name = quoted(table.name);
    // Rowid tables page by rowid; the few WITHOUT ROWID tables are small, and page by offset.
    const byRowid = !/WITHOUT\s+ROWID/i.test(table.sql);
    let copied = 0;
    let last: InValue = -Infinity;
    for (;;) {
      const rs = byRowid
        ? await from.execute({ sql: `SELECT rowid AS __rowid, * FROM ${name} WHERE rowid > ? ORDER BY rowid LIMIT ${PAGE}`, args: [last === -Infinity ? Number.MIN_SAFE_INTEGER : last] })
        : await from.execute({ sql: `SELECT * FROM ${name} LIMIT ${PAGE} OFFSET ?`, args: [copied] });
      if (!rs.rows.length) break;
      const columns = rs.columns.filter((c) => c !== '__rowid');
      const insert = `INSERT INTO ${name} (${columns.map(quoted).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
      const statements: InStatement[] = rs.rows.map((row) => ({ sql: insert, args: columns.map((c) => row[c] as InValue) }));
      await to.batch(statements);
      copied += rs.rows.length;
      if (byRowid) last = rs.rows[rs.rows.length - 1].__rowid as InValue;
      if (rs.rows.length < PAGE) break;
    }
    log(`  ${table.name}: ${copied} rows`);
  }
}
