// A backup counts only once it has been read back: the engine's integrity check, the same
// migrations as its source, and the row counts its source had when it was taken. (An integrity
// check alone says "ok" on the empty database a half-written file opens as.)
import { createClient, type Client } from '@libsql/client';
import { countRows, migrationNames, readSchema, tablesOf } from './tables';

export interface BackupFacts {
  migrations: string[];
  counts: Record<string, number>;
}

/** Row counts a backup may have: exactly these, or (taken from a live file) anywhere between two readings. */
export type ExpectedCounts = { exact: Record<string, number> } | { between: [Record<string, number>, Record<string, number>] };

/** The engine's own check of every page and index; throws with its first findings. */
export async function assertIntegrity(db: Client, what: string): Promise<void> {
  const check = (await db.execute('PRAGMA integrity_check')).rows.map((r) => String(Object.values(r)[0]));
  if (check.join() !== 'ok') throw new Error(`${what} failed its integrity check: ${check.slice(0, 5).join('; ')}`);
}

export async function verifyBackup(path: string, expected: { migrations: string[]; counts: ExpectedCounts }): Promise<BackupFacts> {
  const copy = createClient({ url: `file:${path}`, intMode: 'bigint' });
  try {
    await assertIntegrity(copy, 'The backup');
    const migrations = await migrationNames(copy);
    if (migrations.join() !== expected.migrations.join()) {
      throw new Error(`The backup has migrations ${migrations.join(', ') || 'none'}, its source ${expected.migrations.join(', ')}`);
    }
    const counts = await countRows(copy, tablesOf(await readSchema(copy)).map((t) => t.name));
    const problems = Object.keys({ ...counts, ...bounds(expected.counts)[0] }).flatMap((table) => {
      const [low, high] = bounds(expected.counts).map((c) => c[table] ?? 0);
      const n = counts[table] ?? 0;
      return n >= Math.min(low, high) && n <= Math.max(low, high) ? [] : [`${table} has ${n} rows, its source ${low === high ? low : `${low}–${high}`}`];
    });
    if (problems.length) throw new Error(`The backup does not match its source: ${problems.join('; ')}`);
    return { migrations, counts };
  } finally {
    copy.close();
  }
}

function bounds(e: ExpectedCounts): [Record<string, number>, Record<string, number>] {
  return 'exact' in e ? [e.exact, e.exact] : e.between;
}
