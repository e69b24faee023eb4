// Reads the numbered .sql migrations from disk (Node only; Workers are migrated from Node).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Migration } from '../store/libsql/migrate';
import { packageRoot } from './package-root';

export function loadMigrations(dir = join(packageRoot(), 'server', 'store', 'libsql', 'migrations')): Migration[] {
  return readdirSync(dir)
    .filter((name) => /^\d+_.*\.sql$/.test(name))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}
