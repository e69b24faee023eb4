// Importing a fixture export into a test context's site, as `npm run import` does.
import { join } from 'node:path';
import { readDisqus } from '../../server/services/import/disqus-reader';
import { readWordpress } from '../../server/services/import/wordpress-reader';
import { runImport, type ImportOptions } from '../../server/services/import/run-import';
import type { ImportSummary } from '../../server/services/import/summary';
import { dryRunTarget, storeTarget } from '../../server/services/import/target';
import { newId } from '../../server/services/ids';
import { readFileText } from '../../scripts/import/read-file';
import type { TestContext } from './app';

export const IMPORT_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');

export function importExport(
  t: Pick<TestContext, 'store' | 'site' | 'clock'>,
  source: 'disqus' | 'wordpress',
  path: string,
  options: Partial<Omit<ImportOptions, 'site' | 'source' | 'target'>> = {},
): Promise<ImportSummary> {
  const file = readFileText(path.startsWith('/') ? path : join(IMPORT_FIXTURES, path));
  const records = source === 'disqus' ? readDisqus(file.chunks) : readWordpress(file.chunks);
  return runImport({ now: () => t.clock.now, newId }, records, {
    site: t.site,
    source,
    target: options.dryRun ? dryRunTarget(t.store) : storeTarget(t.store),
    ...options,
  });
}

/** The stored comment a source comment became, with its author. */
export async function importedComment(t: Pick<TestContext, 'client' | 'site'>, source: string, sourceId: string) {
  const rs = await t.client.execute({
    sql: `SELECT c.*, u.display_name, u.external_id, u.badges AS author_badges, u.imported FROM import_sources m
          JOIN comments c ON c.id = m.parley_id JOIN users u ON u.id = c.author_id
          WHERE m.site_id = ? AND m.source = ? AND m.kind = 'comment' AND m.source_id = ?`,
    args: [t.site.id, source, sourceId],
  });
  return rs.rows[0];
}

/** Rows of every table an import writes, to tell whether a run changed anything. */
export async function importedState(t: Pick<TestContext, 'client'>): Promise<string> {
  const tables = ['threads', 'users', 'comments', 'import_sources'];
  const parts = await Promise.all(tables.map(async (table) => JSON.stringify((await t.client.execute(`SELECT * FROM ${table} ORDER BY 1`)).rows)));
  return parts.join('\n');
}
