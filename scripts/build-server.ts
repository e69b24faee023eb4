// `npm run build` (after the widget): the Node server and the command-line tools as plain
// JavaScript in dist/, so production runs them with node and compiles nothing at start.
// Dependencies stay external (installed beside it); Parley's own code, the civility model
// included, is bundled. Migrations and the widget's files are read from the package at run time.
import { chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './build-widget';

export const SERVER_ENTRIES: Record<string, string> = {
  server: 'server/runtime/node.ts',
  'cli/site': 'scripts/site.ts',
  'cli/migrate': 'scripts/migrate.ts',
  'cli/backup': 'scripts/backup.ts',
  'cli/restore': 'scripts/restore.ts',
  'cli/member': 'scripts/member.ts',
  'cli/import': 'scripts/import.ts',
  'cli/export': 'scripts/export.ts',
};

export async function buildServer(outdir = join(ROOT, 'dist')): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' } as const;
  await build({ ...common, entryPoints: Object.fromEntries(Object.entries(SERVER_ENTRIES).map(([out, src]) => [out, join(ROOT, src)])), outdir });
  await build({ ...common, entryPoints: { parley: join(ROOT, 'scripts/parley.ts') }, outdir, banner: { js: '#!/usr/bin/env node' } });
  chmodSync(join(outdir, 'parley.js'), 0o755);
}

if (process.argv[1]?.endsWith('build-server.ts')) {
  await buildServer();
  console.log('Built dist/server.js, dist/parley.js and dist/cli/');
}
