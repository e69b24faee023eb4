// Widget weight: what an article page makes a reader download (embed.js + app.js, the CSS is
// inside app.js), each entry on its own, and the moderator dashboard apart. Built in memory
// with the production build, so widget/dist is left as it is.
import { buildWidget, type Sizes } from '../scripts/build-widget';

export const READER_GZIP_BUDGET = 15_000;

export interface WeightResult {
  readerGzipBytes: number;
  readerBrotliBytes: number;
  dashboardGzipBytes: number | null;
  dashboardBrotliBytes: number | null;
  entries: Record<string, Sizes>;
}

export async function benchWidgetWeight(): Promise<WeightResult> {
  const build = await buildWidget({ outdir: null });
  const entries = Object.fromEntries(Object.entries(build.files).map(([name, { code: _, ...sizes }]) => [`${name}.js`, sizes]));
  const dashboard = build.files.moderate;
  return {
    readerGzipBytes: build.reader.gzip,
    readerBrotliBytes: build.reader.brotli,
    dashboardGzipBytes: dashboard?.gzip ?? null,
    dashboardBrotliBytes: dashboard?.brotli ?? null,
    entries,
  };
}
