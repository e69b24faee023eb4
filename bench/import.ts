// Import: a generated 100,000-comment Disqus export (about 48 MB, written to a temp file as it is
// generated) imported into an embedded libSQL file, as `npm run import` does: comments per second
// and the peak growth of resident memory and the JavaScript heap's peak, sampled every 50 ms.
import { join } from 'node:path';
import { statSync } from 'node:fs';
import { readDisqus } from '../server/services/import/disqus-reader';
import { runImport } from '../server/services/import/run-import';
import { storeTarget } from '../server/services/import/target';
import { newId } from '../server/services/ids';
import { createLibsqlStore } from '../server/store/libsql';
import { readFileText } from '../scripts/import/read-file';
import { writeDisqusExport } from '../test/support/generate-disqus';
import { BENCH_ORIGIN, openTempDb, saveBenchSite } from './seed';

const COMMENTS = 100_000;

export interface ImportResult {
  comments: number;
  fileBytes: number;
  seconds: number;
  commentsPerSecond: number;
  peakRssGrowthMiB: number;
  /** The JavaScript heap's peak: what the importer holds, apart from SQLite's page cache and mapped files. */
  peakHeapMiB: number;
}

export async function benchImport(opts: { log?: (s: string) => void; comments?: number } = {}): Promise<ImportResult> {
  const log = opts.log ?? (() => {});
  const comments = opts.comments ?? COMMENTS;
  const db = await openTempDb('parley-bench-import-');
  try {
    const file = join(db.dir, 'disqus.xml');
    await writeDisqusExport(file, { comments, threads: comments / 100, origin: BENCH_ORIGIN });
    const site = await saveBenchSite(db.client);
    const store = createLibsqlStore(db.client);
    const start = process.memoryUsage().rss;
    let peak = start;
    let heap = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss);
      heap = Math.max(heap, m.heapUsed);
    }, 50);
    const began = performance.now();
    const summary = await runImport({ now: Date.now, newId }, readDisqus(readFileText(file).chunks), {
      site,
      source: 'disqus',
      target: storeTarget(store),
      onProgress: (s) => s.imported.comments % 20_000 < 500 && log(`import: ${s.imported.comments} comments`),
    }).finally(() => clearInterval(sampler));
    const seconds = (performance.now() - began) / 1000;
    if (summary.imported.comments !== comments) throw new Error(`imported ${summary.imported.comments} of ${comments} comments`);
    return {
      comments,
      fileBytes: statSync(file).size,
      seconds: Math.round(seconds * 10) / 10,
      commentsPerSecond: Math.round(comments / seconds),
      peakRssGrowthMiB: Math.round((peak - start) / 2 ** 20),
      peakHeapMiB: Math.round(heap / 2 ** 20),
    };
  } finally {
    db.dispose();
  }
}
