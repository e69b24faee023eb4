// Bundles the widget: embed.js (loader) + app.js (reader app) are what a reader downloads;
// count.js is for listing pages. ES module entries are split: UI few readers open (the report
// dialog, the edit form and the delete confirmation) is in chunks app.js imports only when
// needed. Prints raw/gzip/brotli sizes and writes widget/dist/sizes.json, where lazy chunks are
// listed apart from the first load.
// Run directly (`npm run build`) or call buildWidget() from the server or tests.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, transform, type BuildOptions, type Plugin } from 'esbuild';
import { minify } from 'terser';

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

export type BuiltFile = { code: string } & Sizes;

export interface WidgetBuild {
  /** Each entry's file, by entry name: all a page fetches before the entry runs. */
  files: Record<string, BuiltFile>;
  /** Chunks fetched only when the code asks for them with import(), by file name. */
  lazy: Record<string, BuiltFile>;
  /** What a reader's first load fetches: the reader entries (embed.js + app.js). */
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
    // An object literal (`const fields = { … }`) is parenthesised, so the arrow returns it rather than reading a block.
    const init = source.slice(start, end);
    out += `${source.slice(from, start)}/* @__PURE__ */ (() => ${init.trimStart().startsWith('{') ? `(${init})` : init})()`;
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
    // The classic JSX factory (see esbuildOptions) for the files that hold JSX, and only those:
    // esbuild's inject would import it into every chunk, even a lazy one of plain data.
    b.onLoad({ filter: /\.tsx$/ }, (args) => ({
      loader: 'tsx',
      contents: `import { h as $h, Fragment as $F } from 'preact';${readFileSync(args.path, 'utf8')}`,
    }));
    // Imported as text for the shadow root, so minify it here: esbuild's text loader does not.
    // It keeps a custom property's value as written, so the space after its colon goes here.
    b.onLoad({ filter: /\.css$/ }, async (args) => ({
      loader: 'text',
      contents: (await transform(readFileSync(args.path, 'utf8'), { loader: 'css', minify: true, target: 'chrome123' })).code
        .trim()
        .replace(/(--[\w-]+): /g, '$1:'),
    }));
  },
};

const TARGET = 'es2020';

/** The settings every widget bundle is built with; tests reuse them to build what they check. */
export function esbuildOptions(format: 'esm' | 'iife', liteZod = true): BuildOptions & { write: false } {
  return {
    bundle: true,
    write: false,
    format,
    minify: true,
    target: TARGET,
    // Classic JSX: h("p", { class }, a, b) is shorter than the automatic runtime's
    // jsx("p", { class, children: [a, b] }), about 90 B gzipped over the reader's first load.
    // tsconfig.json keeps the automatic runtime for type checks and tests; this overrides it here.
    tsconfigRaw: { compilerOptions: { jsx: 'react', jsxFactory: '$h', jsxFragmentFactory: '$F' } },
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
  const out: WidgetBuild = { files: {}, lazy: {}, reader: { raw: 0, gzip: 0, brotli: 0 } };
  for (const e of entries) {
    const built = await buildEntry(e);
    const code = await shrink(built.code, e);
    out.files[e.name] = { code, ...measure(code) };
    for (const [name, chunk] of Object.entries(built.lazy)) {
      const lazy = await shrink(chunk, e);
      out.lazy[name] = { code: lazy, ...measure(lazy) };
    }
  }
  const readers = entries.filter((e) => e.reader).map((e) => out.files[e.name]);
  out.reader = readers.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), out.reader);

  const named = Object.fromEntries(Object.entries(out.files).map(([name, f]) => [`${name}.js`, f]));
  if (outdir) {
    mkdirSync(outdir, { recursive: true });
    // Chunk names follow their content: drop the previous build's so dist holds one set.
    if (!options.only) for (const name of readdirSync(outdir)) if (CHUNK.test(name)) rmSync(join(outdir, name));
    for (const [name, f] of Object.entries({ ...named, ...out.lazy })) writeFileSync(join(outdir, name), f.code);
    const sizes = (files: Record<string, BuiltFile>) => Object.fromEntries(Object.entries(files).map(([name, { code: _, ...s }]) => [name, s]));
    // Workers static assets read their response headers from this file (Node sets the same ones).
    writeFileSync(join(outdir, '_headers'), '/*\n  X-Content-Type-Options: nosniff\n  Access-Control-Allow-Origin: *\n');
    writeFileSync(join(outdir, 'sizes.json'), `${JSON.stringify({ ...sizes(named), reader: out.reader, lazy: sizes(out.lazy) }, null, 2)}\n`);
  }
  const log = options.log ?? (() => {});
  for (const [name, f] of Object.entries(named)) log(`${name.padEnd(24)} ${row(f)}`);
  log(`${'reader first load'.padEnd(24)} ${row(out.reader)}  (embed.js + app.js)`);
  for (const [name, f] of Object.entries(out.lazy)) log(`${`lazy ${name}`.padEnd(24)} ${row(f)}`);
  return out;
}

const CHUNK = /-[A-Z0-9]{8}\.js$/;

/**
 * A second minifier over what readers download: terser's compressor finds about 2% more than
 * esbuild's (some 300 B gzipped of the first load). Exports and imports keep their names, so
 * lazy chunks still find theirs in app.js. The dashboard is left as esbuild made it.
 */
async function shrink(code: string, e: WidgetEntry): Promise<string> {
  if (!e.reader) return code;
  const result = await minify(code, { module: e.format === 'esm', compress: { passes: 2 }, format: { comments: false } });
  return result.code ?? code;
}

/**
 * Builds one entry; an ES module entry is split at its dynamic import()s. esbuild moves the code
 * an entry shares with its lazy chunks (Preact, for one) into chunks of their own (one for each
 * set of lazy chunks sharing it), which a page would fetch only after the entry: more round trips
 * and more gzip streams on every first load. So those chunks are folded back into the entry, and
 * the lazy chunks import from there (resolved against their own URL, so the same module the page
 * already has).
 */
async function buildEntry(e: WidgetEntry): Promise<{ code: string; lazy: Record<string, string> }> {
  const entry = `${e.name}.js`;
  const result = await build({
    ...esbuildOptions(e.format, !!e.reader),
    entryPoints: { [e.name]: join(ROOT, e.entry) },
    // Only names here (write: false): chunks sit next to their entry wherever it is served from.
    outdir: 'out',
    splitting: e.format === 'esm',
    chunkNames: '[name]-[hash]',
    metafile: true,
  });
  const files = new Map(result.outputFiles.map((f) => [basename(f.path), f.text]));
  const imports = new Map(Object.entries(result.metafile!.outputs).map(([path, o]) => [basename(path), o.imports]));
  const upFront = (imports.get(entry) ?? []).filter((i) => i.kind === 'import-statement' && !i.external).map((i) => basename(i.path));
  const lazyNames = [...files.keys()].filter((name) => name !== entry && !upFront.includes(name));
  if (upFront.length === 0) return { code: files.get(entry)!, lazy: Object.fromEntries(lazyNames.map((n) => [n, files.get(n)!])) };
  // Shared chunks may import one another (all are folded in), but nothing else up front.
  if (upFront.some((name) => imports.get(name)!.some((i) => i.kind === 'import-statement' && !upFront.includes(basename(i.path)))))
    throw new Error(`${entry}: expected shared chunks without imports from outside them, got ${upFront.join(', ')}`);

  // Only what the lazy chunks import from a shared chunk becomes an export of the entry. Each
  // chunk names its exports a, b, c…, so with several folded into one module they are renamed
  // apart: a from the second chunk becomes a$1 (one chunk keeps its names).
  const exported = new Set(result.metafile!.outputs[`out/${entry}`]?.exports ?? []);
  const rename = (chunk: number, binding: string) => {
    if (upFront.length === 1) return binding;
    const name = `${binding}$${chunk}`;
    if (exported.has(name)) throw new Error(`${entry}: export ${name} clashes with the entry's own`);
    return name;
  };
  const used = upFront.map(() => new Set<string>());
  const lazy: Record<string, string> = {};
  for (const name of lazyNames) {
    let code = files.get(name)!;
    upFront.forEach((shared, n) => {
      code = code.replace(new RegExp(`import\\{([^}]*)\\}from"\\./${shared.replace(/[.-]/g, '\\$&')}"`, 'g'), (_, list: string) => {
        const bindings = list.split(',').map((binding) => {
          const [imported, local = imported] = binding.split(' as ').map((b) => b.trim());
          used[n].add(imported);
          const outer = rename(n, imported);
          return outer === local ? outer : `${outer} as ${local}`;
        });
        return `import{${bindings.join(',')}}from"./${entry}"`;
      });
    });
    // An import of a folded chunk for its effects alone: app.js, which ran them, is already there.
    for (const shared of upFront) code = code.replaceAll(`import"./${shared}";`, '');
    // Chunks only lazy ones share stay files of their own, fetched with the first that needs them.
    for (const shared of upFront) if (code.includes(`"./${shared}"`)) throw new Error(`${name}: an import from ${shared} was left unresolved`);
    lazy[name] = code;
  }
  // The fold lays the chunks out in the order it meets them. Libraries first, as one build
  // without splitting would have them, gzips best: so the chunks most lazy chunks share lead.
  const importers = (n: number) => lazyNames.filter((name) => files.get(name)!.includes(`"./${upFront[n]}"`)).length;
  const order = upFront.map((_, n) => n).sort((x, y) => importers(y) - importers(x) || x - y);
  const reexports = order
    .map((n) => {
      const names = [...used[n]].map((b) => (rename(n, b) === b ? b : `${b} as ${rename(n, b)}`));
      return names.length ? `export { ${names.join(', ')} } from './${upFront[n]}';` : `import './${upFront[n]}';`;
    })
    .join(' ');
  const folded = await build({
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    target: TARGET,
    legalComments: 'none',
    logLevel: 'silent',
    stdin: { contents: `${reexports} export * from './${entry}';`, loader: 'js' },
    plugins: [
      {
        name: 'parley-built-chunks',
        setup(b) {
          // The entry and its shared chunks become one file; lazy chunks stay apart, loaded as before.
          b.onResolve({ filter: /^\.\/[\w-]+\.js$/ }, (args) =>
            lazyNames.includes(args.path.slice(2)) ? { path: args.path, external: true } : { path: args.path.slice(2), namespace: 'built' },
          );
          b.onLoad({ filter: /.*/, namespace: 'built' }, (args) => ({ contents: files.get(args.path), loader: 'js' }));
        },
      },
    ],
  });
  return { code: folded.outputFiles[0].text, lazy };
}

const row = (s: Sizes) => `${String(s.raw).padStart(7)} raw ${String(s.gzip).padStart(6)} gzip ${String(s.brotli).padStart(6)} brotli`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildWidget({ log: console.log }).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
