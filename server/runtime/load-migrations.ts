// Reads the numbered .sql migrations from disk (Node only; Workers are migrated from Node).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Migration } from '../store/libsql/migrate';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'store', 'libsql', 'migrations');

export function loadMigrations(dir = DIR): Migration[] {
  return readdirSync(dir)
    .filter((name) => /^\d+_.*\.sql$/.test(name))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}
