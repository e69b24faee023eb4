// Restores a backup file made by backupDatabase. Into an embedded file: the verified copy replaces
// the file whole (with --force, over an existing one; the server must be stopped). Into a libSQL
// server: the rows go into an empty database in one write transaction, so a failed restore
// leaves it as empty as it was.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { createClient, type Client } from '@libsql/client';
import { copyRows } from './copy-rows';
import { countRows, migrationNames, readSchema, rebuildSearchIndexes, tablesOf } from './tables';
import { assertIntegrity, verifyBackup, type BackupFacts } from './verify';

export interface RestoreOptions {
  /** Replace an existing embedded database file. */
  force?: boolean;
  log?: (line: string) => void;
}

/** The backup's own facts, after checking it reads back whole. */
async function readBackup(path: string): Promise<BackupFacts> {
  if (!existsSync(path)) throw new Error(`No backup at ${path}`);
  const backup = createClient({ url: `file:${path}`, intMode: 'bigint' });
  try {
    await assertIntegrity(backup, path);
    const schema = await readSchema(backup);
    if (!schema.some((s) => s.name === 'schema_migrations')) throw new Error(`${path} is not a Parley backup (it has no schema_migrations table)`);
    return { migrations: await migrationNames(backup), counts: await countRows(backup, tablesOf(schema).map((t) => t.name)) };
  } finally {
    backup.close();
  }
}

export async function restoreToFile(backupPath: string, targetPath: string, options: RestoreOptions = {}): Promise<BackupFacts> {
  const facts = await readBackup(backupPath);
  if (existsSync(targetPath) && !options.force) {
    throw new Error(`${targetPath} exists: stop the server, then pass --force to replace it with the backup`);
  }
  const incoming = `${targetPath}.restoring-${process.pid}`;
  try {
    copyFileSync(backupPath, incoming);
    // The copy is what will be served: verified once, where it lies, before it takes the target's name.
    await verifyBackup(incoming, { migrations: facts.migrations, counts: { exact: facts.counts } });
    // The old file's write-ahead log belongs to the old file: left beside the new one it would be replayed into it.
    for (const suffix of ['-wal', '-shm']) rmSync(targetPath + suffix, { force: true });
    renameSync(incoming, targetPath);
  } finally {
    rmSync(incoming, { force: true });
  }
  return facts;
}

export async function restoreToServer(backupPath: string, target: Client, options: RestoreOptions = {}): Promise<BackupFacts> {
  const log = options.log ?? (() => {});
  const facts = await readBackup(backupPath);
  const existing = await readSchema(target);
  const existingTables = tablesOf(existing).map((t) => t.name);
  // Only the migrations record may already have rows: a server that started once on it made them.
  const filled = Object.entries(await countRows(target, existingTables)).filter(([t, n]) => n > 0 && t !== 'schema_migrations');
  if (filled.length) throw new Error(`The target database is not empty (${filled.map(([t, n]) => `${t}: ${n}`).join(', ')}): restore into a new one`);
  const backup = createClient({ url: `file:${backupPath}`, intMode: 'bigint' });
  try {
    const source = await backup.transaction('read');
    const schema = await readSchema(source);
    const sink = await target.transaction('write');
    try {
      // A server that has started once on the empty database already made the tables: keep them
      // when they are the backup's own migrations, and fill them.
      if (existingTables.length) {
        const theirs = await migrationNames(sink).catch(() => [] as string[]);
        if (theirs.join() !== facts.migrations.join()) throw new Error(`The target has migrations ${theirs.join(', ') || 'none'}, the backup ${facts.migrations.join(', ')}`);
        await sink.execute('DELETE FROM schema_migrations');
      } else {
        for (const item of schema.filter((s) => s.type === 'table')) await sink.execute(item.sql);
        for (const item of schema.filter((s) => s.type !== 'table')) await sink.execute(item.sql);
      }
      await copyRows(source, sink, tablesOf(schema), log);
      // Triggers may have indexed the rows as they came, or not (a backup's own copy had none yet).
      await rebuildSearchIndexes(sink, schema);
      await sink.commit();
    } finally {
      sink.close();
      source.close();
    }
  } finally {
    backup.close();
  }
  const counts = await countRows(target, Object.keys(facts.counts));
  const wrong = Object.entries(facts.counts).filter(([t, n]) => counts[t] !== n);
  if (wrong.length) throw new Error(`After restoring, ${wrong.map(([t, n]) => `${t} has ${counts[t]} rows, not ${n}`).join('; ')}`);
  return facts;
}
