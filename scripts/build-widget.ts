// Bundles the widget: embed.js (loader) + app.js (reader app) are what a reader downloads;
// count.js is for listing pages. Prints raw/gzip/brotli sizes and writes widget/dist/sizes.json.
// Run directly (`npm run build`) or call buildWidget() from the server or tests.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, transform, type BuildOptions, type Plugin } from 'esbuild';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface WidgetEntry {
  name: string;
  entry: string;
  format: 'esm' | 'iife';
  /** Part of a reader's first load, so it counts against the size budget. */
  reader?: boolean;
}

export const WIDGET_ENTRIES: WidgetEntry[] = [
  { name: 'embed', entry: 'widget/embed.ts', format: 'iife', reader: true },
  { name: 'app', entry: 'widget/app.tsx', format: 'esm', reader: true },
  { name: 'count', entry: 'widget/count.ts', format: 'iife' },
  // The moderator dashboard joins the build as soon as its entry exists; readers never load it.
  { name: 'moderate', entry: 'widget/moderate/index.tsx', format: 'esm' },
];

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface WidgetBuild {
  files: Record<string, { code: string } & Sizes>;
  reader: Sizes;
}

export interface WidgetBuildOptions {
  /** Where to write name.js and sizes.json; null builds in memory only. */
  outdir?: string | null;
  /** Entry names to build; default: every entry whose source file exists. */
  only?: string[];
  log?: (line: string) => void;
}

/**
 * The shared schema modules define request and response schemas side by side, as top-level
 * zod calls a bundler must assume have side effects. Wrapping each initializer in a pure
 * IIFE lets esbuild drop the ones the widget never uses (about 1 kB gzipped).
 */
export function markSchemasPure(source: string): string {
  let out = '';
  let from = 0;
  const decl = /^(export )?const \w+(: [^=]+)? = /gm;
  for (let m = decl.exec(source); m; m = decl.exec(source)) {
    const start = m.index + m[0].length;
    const end = statementEnd(source, start);
    if (end < 0 || !source.slice(start, end).includes('z.')) continue;
    out += `${source.slice(from, start)}/* @__PURE__ */ (() => ${source.slice(start, end)})()`;
    from = end;
    decl.lastIndex = end;
  }
  return out + source.slice(from);
}

/** Index of the `;` ending the expression that starts at `i`, skipping strings, comments and regexes; -1 if unsure. */
function statementEnd(src: string, i: number): number {
  let depth = 0;
  let prev = '=';
  for (; i < src.length; i++) {
    const ch = src[i];
    if (ch === '/' && src[i + 1] === '/') i = src.indexOf('\n', i);
    else if (ch === '/' && src[i + 1] === '*') i = src.indexOf('*/', i) + 1;
    else if (ch === "'" || ch === '"' || ch === '`') {
      for (i++; i < src.length && src[i] !== ch; i++) if (src[i] === '\\') i++;
    } else if (ch === '/' && /[(,=:[!&|?{};]/.test(prev)) {
      for (let inClass = false, j = i + 1; j < src.length; j++) {
        if (src[j] === '\\') j++;
        else if (src[j] === '[') inClass = true;
        else if (src[j] === ']') inClass = false;
        else if (src[j] === '/' && !inClass) {
          i = j;
          break;
        }
      }
    } else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ';' && depth === 0) return i;
    if (i < 0) return -1;
    if (!/\s/.test(ch)) prev = ch;
  }
  return -1;
}

export const widgetPlugin: Plugin = {
  name: 'parley-widget',
  setup(b) {
    b.onLoad({ filter: /[\\/]shared[\\/]schemas[\\/][\w-]+\.ts$/ }, (args) => ({
      loader: 'ts',
      contents: markSchemasPure(readFileSync(args.path, 'utf8')),
    }));
    // Imported as text for the shadow root, so minify it here: esbuild's text loader does not.
    b.onLoad({ filter: /\.css$/ }, async (args) => ({
      loader: 'text',
      contents: (await transform(readFileSync(args.path, 'utf8'), { loader: 'css', minify: true, target: 'chrome123' })).code,
    }));
  },
};

/** The settings every widget bundle is built with; tests reuse them to build what they check. */
export function esbuildOptions(format: 'esm' | 'iife', liteZod = true): BuildOptions & { write: false } {
  return {
    bundle: true,
    write: false,
    format,
    minify: true,
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'text' },
    plugins: [widgetPlugin],
    // Reader bundles run the shared schemas on a 1 kB zod/mini stand-in (see widget/lib/zod-mini-lite.ts).
    alias: liteZod ? { 'zod/mini': join(ROOT, 'widget/lib/zod-mini-lite.ts') } : {},
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  };
}

export function measure(code: string): Sizes {
  const bytes = new TextEncoder().encode(code);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export async function buildWidget(options: WidgetBuildOptions = {}): Promise<WidgetBuild> {
  const outdir = options.outdir === undefined ? join(ROOT, 'widget/dist') : options.outdir;
  const entries = WIDGET_ENTRIES.filter((e) => (options.only ? options.only.includes(e.name) : existsSync(join(ROOT, e.entry))));
  const files: WidgetBuild['files'] = {};
  for (const e of entries) {
    const result = await build({ ...esbuildOptions(e.format, !!e.reader), entryPoints: [join(ROOT, e.entry)], outfile: `${e.name}.js` });
    const code = result.outputFiles[0].text;
    files[e.name] = { code, ...measure(code) };
  }
  const readers = entries.filter((e) => e.reader && files[e.name]).map((e) => files[e.name]);
  const reader = readers.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });

  if (outdir) {
    mkdirSync(outdir, { recursive: true });
    for (const [name, f] of Object.entries(files)) writeFileSync(join(outdir, `${name}.js`), f.code);
    const sizes = Object.fromEntries(Object.entries(files).map(([name, { code: _, ...s }]) => [`${name}.js`, s]));
    writeFileSync(join(outdir, 'sizes.json'), `${JSON.stringify({ ...sizes, reader }, null, 2)}\n`);
  }
  const log = options.log ?? (() => {});
  for (const [name, f] of Object.entries(files)) log(`${`${name}.js`.padEnd(14)} ${row(f)}`);
  log(`${'reader total'.padEnd(14)} ${row(reader)}  (embed.js + app.js)`);
  return { files, reader };
}

const row = (s: Sizes) => `${String(s.raw).padStart(7)} raw ${String(s.gzip).padStart(6)} gzip ${String(s.brotli).padStart(6)} brotli`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildWidget({ log: console.log }).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
