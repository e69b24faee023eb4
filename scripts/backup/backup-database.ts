// Backs up the database a Parley server runs on into one SQLite file. An embedded file is copied
// with VACUUM INTO (a consistent snapshot, seconds for a few hundred MB, writers carry on); a
// libSQL server (sqld, Turso) is read in one read transaction and written into a new file. The
// copy is made under a temporary name, verified, and only then renamed into place, so a backup
// that fails or is interrupted never leaves a file that looks like one.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { createClient, type Client } from '@libsql/client';
import { copyRows } from './copy-rows';
import { countRows, migrationNames, readSchema, rebuildSearchIndexes, tablesOf } from './tables';
import { verifyBackup, type BackupFacts } from './verify';

export interface BackupOptions {
  log?: (line: string) => void;
}

export const isEmbedded = (url: string) => url.startsWith('file:');

export async function backupDatabase(source: Client, sourceUrl: string, out: string, options: BackupOptions = {}): Promise<BackupFacts> {
  const log = options.log ?? (() => {});
  if (existsSync(out)) throw new Error(`${out} already exists: choose a new name, so no backup is ever overwritten`);
  const partial = `${out}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  try {
    const facts = isEmbedded(sourceUrl) ? await vacuumInto(source, partial) : await logicalCopy(source, partial, log);
    renameSync(partial, out);
    return facts;
  } finally {
    rmSync(partial, { force: true });
    rmSync(`${partial}-journal`, { force: true });
  }
}

async function vacuumInto(source: Client, path: string): Promise<BackupFacts> {
  const tables = tablesOf(await readSchema(source)).map((t) => t.name);
  const migrations = await migrationNames(source);
  // Writers may go on meanwhile: the copy's counts must fall between the readings before and after.
  const before = await countRows(source, tables);
  await source.execute({ sql: 'VACUUM INTO ?', args: [path] });
  const after = await countRows(source, tables);
  return verifyBackup(path, { migrations, counts: { between: [before, after] } });
}

async function logicalCopy(source: Client, path: string, log: (line: string) => void): Promise<BackupFacts> {
  const snapshot = await source.transaction('read');
  const copy = createClient({ url: `file:${path}`, intMode: 'bigint' });
  try {
    const schema = await readSchema(snapshot);
    const migrations = await migrationNames(snapshot);
    const counts = await countRows(snapshot, tablesOf(schema).map((t) => t.name));
    const target = await copy.transaction('write');
    try {
      for (const item of schema.filter((s) => s.type === 'table')) await target.execute(item.sql);
      await copyRows(snapshot, target, tablesOf(schema), log);
      for (const item of schema.filter((s) => s.type !== 'table')) await target.execute(item.sql);
      await rebuildSearchIndexes(target, schema);
      await target.commit();
    } finally {
      target.close();
    }
    copy.close();
    return await verifyBackup(path, { migrations, counts: { exact: counts } });
  } finally {
    snapshot.close();
    copy.close();
  }
}
