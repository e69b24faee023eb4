// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildWidget } from '../../scripts/build-widget';

// A reader downloads embed.js and app.js (Preact and the styles included) before seeing a comment.
const READER_BUDGET_GZIP = 15_000;

describe('the reader bundle', () => {
  it(`stays within ${READER_BUDGET_GZIP} bytes gzipped for embed.js + app.js`, async () => {
    const { files, reader } = await buildWidget({ outdir: null, only: ['embed', 'app'] });
    expect(Object.keys(files)).toEqual(['embed', 'app']);
    expect(reader.gzip).toBe(files.embed.gzip + files.app.gzip);
    expect(reader.gzip).toBeLessThanOrEqual(READER_BUDGET_GZIP);
  });

  it('builds the same bytes every time', async () => {
    const [a, b] = [await buildWidget({ outdir: null, only: ['app'] }), await buildWidget({ outdir: null, only: ['app'] })];
    expect(a.files.app.code).toBe(b.files.app.code);
  });

  it('ships no full zod and no development-only Preact code to readers', async () => {
    const { files } = await buildWidget({ outdir: null, only: ['app'] });
    expect(files.app.code).not.toMatch(/ZodError|\$ZodType|preact\/debug/);
  });
});
