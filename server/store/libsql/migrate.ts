// Applies numbered migrations once each, in order, recording them in a table of their own.
// The SQL comes in as text so the same code runs wherever the client does.
//
// Several processes may start together on one file or one server. Each migration is one write
// transaction that first records its name: the database runs these one at a time, and when another
// process applied the migration first, recording the name fails on its primary key, so nothing of
// ours runs (no "table already exists") and the migration counts as done.
import type { Client } from '@libsql/client';

export interface Migration {
  name: string; // e.g. 001_core.sql; the number orders them
  sql: string;
}

export async function applyMigrations(client: Client, migrations: Migration[]): Promise<string[]> {
  await client.execute('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const done = new Set((await client.execute('SELECT name FROM schema_migrations')).rows.map((r) => String(r.name)));
  const applied: string[] = [];
  for (const migration of [...migrations].sort((a, b) => a.name.localeCompare(b.name))) {
    if (done.has(migration.name)) continue;
    const statements = splitStatements(migration.sql).map((sql) => ({ sql, args: [] as never[] }));
    try {
      await client.batch(
        [{ sql: 'INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)', args: [migration.name, Date.now()] }, ...statements],
        'write',
      );
    } catch (error) {
      if (await isApplied(client, migration.name)) continue;
      throw error;
    }
    applied.push(migration.name);
  }
  return applied;
}

async function isApplied(client: Client, name: string): Promise<boolean> {
  return (await client.execute({ sql: 'SELECT 1 FROM schema_migrations WHERE name = ?', args: [name] })).rows.length > 0;
}

/**
 * Splits a migration into statements; our migrations keep semicolons out of strings. A trigger's
 * body holds statements of its own, so a CREATE TRIGGER runs on to its END.
 */
export function splitStatements(sql: string): string[] {
  const pieces = sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .map((line) => line.replace(/\s--\s.*$/, ''))
    .join('\n')
    .split(';');
  const statements: string[] = [];
  let trigger = '';
  for (const piece of pieces) {
    if (trigger || /^\s*CREATE\s+(TEMP\s+|TEMPORARY\s+)?TRIGGER\b/i.test(piece)) {
      trigger += `${piece};`;
      if (!/\bEND\s*;$/i.test(trigger.trim())) continue;
      statements.push(trigger.trim().replace(/;$/, ''));
      trigger = '';
      continue;
    }
    if (piece.trim()) statements.push(piece.trim());
  }
  if (trigger.trim()) statements.push(trigger.trim().replace(/;$/, ''));
  return statements;
}
