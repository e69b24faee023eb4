// Where Parley's own files are (migrations, the widget's built files), found from this module's
// place whether it runs as TypeScript from the source tree or bundled into dist/: the nearest
// folder up from here with Parley's package.json. Node only.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'parley') return (root = dir);
    if (dirname(dir) === dir) throw new Error("Parley's package.json was not found above " + fileURLToPath(import.meta.url));
  }
}
