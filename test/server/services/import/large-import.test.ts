// A generated 10,000-comment Disqus export (written to a temp file as it is generated), imported
// from the file in bounded memory: resident memory sampled during the run grows by well under
// 200 MB, every comment lands, and the early replies are linked. The 100,000-comment run is in
// the bench (`npm run bench -- --only import`), which takes about a minute on two cores.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../support/app';
import { writeDisqusExport } from '../../../support/generate-disqus';
import { importExport } from '../../../support/import';
import { TEST_ORIGIN } from '../../../support/site';

const dir = mkdtempSync(join(tmpdir(), 'parley-large-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a large Disqus export', () => {
  it('imports 10,000 comments from a file with flat memory, linking replies that come before their parents', { timeout: 60_000 }, async () => {
    const file = join(dir, 'disqus.xml');
    await writeDisqusExport(file, { comments: 10_000, threads: 100, origin: TEST_ORIGIN });
    const t = await createTestContext({ url: `file:${join(dir, 'parley.db')}` });
    try {
      const start = process.memoryUsage().rss;
      let peak = start;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
      const began = performance.now();
      const summary = await importExport(t, 'disqus', file).finally(() => clearInterval(sampler));
      const seconds = (performance.now() - began) / 1000;
      console.log(
        `imported ${summary.imported.comments} comments (${(statSync(file).size / 1e6).toFixed(1)} MB) in ${seconds.toFixed(1)} s: ` +
          `${Math.round(summary.imported.comments / seconds)} comments/s, resident memory +${Math.round((peak - start) / 2 ** 20)} MiB`,
      );
      expect(summary.imported.comments).toBe(10_000);
      expect(summary.errorCount + Object.values(summary.skipped).reduce((a, b) => a + b, 0)).toBe(0);
      expect(peak - start).toBeLessThan(200 * 2 ** 20);
      const stored = await t.client.execute("SELECT COUNT(*) AS n, SUM(depth > 0) AS replies FROM comments WHERE site_id = 'daily'");
      expect(stored.rows[0]).toMatchObject({ n: 10_000 });
      // Post 5 names post 105 (later in the file) as its parent.
      const early = await t.client.execute(`SELECT c.depth, p.id = c.parent_id AS linked FROM import_sources m JOIN comments c ON c.id = m.parley_id
        JOIN import_sources pm ON pm.source_id = 'p105' AND pm.kind = 'comment' JOIN comments p ON p.id = pm.parley_id WHERE m.source_id = 'p5'`);
      expect(early.rows[0]).toMatchObject({ depth: 1, linked: 1 });
    } finally {
      t.close();
    }
  });
});
