// `npm run import -- <disqus|wordpress|ndjson> FILE --site ID [--dry-run] [--map-domain old=new]…
// [--skip-deleted] [--skip-spam] [--json]`: moves a site's comments in from a Disqus or WordPress
// export, or restores a Parley export (ndjson) into a site that has no comments yet. Progress on
// stderr, the summary on stdout (`--json`: as JSON). Exits 0 whatever individual records did;
// 1 when the file cannot be read as the format at all, 2 on a wrong command line.
import { applyMigrations, createLibsqlStore } from '../server/store/libsql';
import { loadMigrations } from '../server/runtime/load-migrations';
import { DatabaseEnv, openLibsql } from '../server/runtime/libsql-client';
import { newId } from '../server/services/ids';
import { readDisqus } from '../server/services/import/disqus-reader';
import { readWordpress } from '../server/services/import/wordpress-reader';
import { UnreadableExportError } from '../server/services/import/records';
import { runImport } from '../server/services/import/run-import';
import { formatSummary } from '../server/services/import/summary';
import { dryRunTarget, storeTarget } from '../server/services/import/target';
import { parseDomainMap } from '../server/services/import/thread-url';
import { restoreSite, formatRestoreSummary } from '../server/services/export/restore-site';
import { lines, readFileText } from './import/read-file';
import { progressReporter } from './import/progress';

const USAGE = 'usage: npm run import -- <disqus|wordpress|ndjson> FILE --site ID [--dry-run] [--map-domain old.example=new.example] [--skip-deleted] [--skip-spam] [--json]';

function parseArgs(argv: string[]) {
  const [format, file, ...rest] = argv;
  const options = { site: '', dryRun: false, skipDeleted: false, skipSpam: false, json: false, mapDomain: [] as string[] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--site') options.site = rest[++i] ?? '';
    else if (arg === '--map-domain') options.mapDomain.push(rest[++i] ?? '');
    else if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--skip-deleted') options.skipDeleted = true;
    else if (arg === '--skip-spam') options.skipSpam = true;
    else if (arg === '--json') options.json = true;
    else throw new Error(`unknown option ${arg}`);
  }
  if (format !== 'disqus' && format !== 'wordpress' && format !== 'ndjson') throw new Error(`the format must be disqus, wordpress or ndjson, not "${format ?? ''}"`);
  if (!file) throw new Error('which file?');
  if (!options.site) throw new Error('--site ID is required');
  return { format: format as 'disqus' | 'wordpress' | 'ndjson', file, ...options, domains: parseDomainMap(options.mapDomain) };
}

let args: ReturnType<typeof parseArgs>;
try {
  args = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

let file: ReturnType<typeof readFileText>;
try {
  file = readFileText(args.file);
} catch (error) {
  console.error(`The file ${args.file} could not be read: ${(error as Error).message}`);
  process.exit(1);
}

const client = await openLibsql(DatabaseEnv.parse(process.env));
let exitCode = 0;
try {
  await applyMigrations(client, loadMigrations());
  const store = createLibsqlStore(client);
  const site = await store.getSite(args.site);
  if (!site) throw new UnreadableExportError(`there is no site "${args.site}": create it first with npm run site -- put SITE.json`);
  const progress = progressReporter(file.size);
  const deps = { now: Date.now, newId };
  if (args.format === 'ndjson') {
    const summary = await restoreSite(deps, store, site, lines(file.chunks), { dryRun: args.dryRun, onProgress: (n) => progress.update(file.bytesRead(), n) });
    progress.done();
    console.log(args.json ? JSON.stringify(summary) : formatRestoreSummary(summary));
  } else {
    const records = args.format === 'disqus' ? readDisqus(file.chunks) : readWordpress(file.chunks);
    const summary = await runImport(deps, records, {
      site,
      source: args.format,
      target: args.dryRun ? dryRunTarget(store) : storeTarget(store),
      domains: args.domains,
      skipDeleted: args.skipDeleted,
      skipSpam: args.skipSpam,
      dryRun: args.dryRun,
      onProgress: (s) => progress.update(file.bytesRead(), s.imported.comments + Object.values(s.skipped).reduce((a, b) => a + b, 0)),
    });
    progress.done();
    console.log(args.json ? JSON.stringify(summary) : formatSummary(summary));
  }
} catch (error) {
  if (!(error instanceof UnreadableExportError)) throw error;
  console.error(`The file ${args.file} could not be imported: ${error.message}`);
  exitCode = 1;
} finally {
  client.close();
}
process.exit(exitCode);
