// `npm run import -- ndjson FILE --site ID`: puts a Parley export back, ids and all, into a site
// that has no threads, users or comments yet (anything else is refused: merging two sites' rows
// is not what a restore is for). Records are written in chunks of one type, each one transaction.
// A reply written before its parent (possible only for comments imported with odd timestamps)
// waits in memory until the parent is in; nothing else is held.
import { EXPORT_VERSION, ExportHeader, ExportRecord, type ExportRow, type ExportRowType } from '../../../shared/schemas/export';
import { StoredSiteConfig } from '../../../shared/schemas/site';
import type { SiteRecord, Store } from '../../store/port';
import type { ImportDeps } from '../import/run-import';
import { UnreadableExportError } from '../import/records';
import { addError, emptySummary } from '../import/summary';
import { withSecretsOf } from './site-config';

export const RESTORE_CHUNK = 500;

export interface RestoreSummary {
  dryRun: boolean;
  restored: Record<ExportRowType | 'site', number>;
  errorCount: number;
  errors: { line: number; message: string }[];
}

export interface RestoreOptions {
  dryRun?: boolean;
  onProgress?: (records: number) => void;
}

export async function restoreSite(deps: ImportDeps, store: Store, site: SiteRecord, lines: AsyncIterable<string>, options: RestoreOptions = {}): Promise<RestoreSummary> {
  if (!(await store.siteIsEmpty(site.id))) {
    throw new UnreadableExportError(`the site "${site.id}" already has threads, users or comments; a Parley export is restored only into an empty site`);
  }
  const errors = emptySummary('ndjson', options.dryRun ?? false);
  const restored: RestoreSummary['restored'] = { site: 0, thread: 0, user: 0, comment: 0, reaction: 0, report: 0, moderation_action: 0 };
  const write = async (type: ExportRowType, rows: ExportRow[]) => {
    if (!options.dryRun) await store.restoreRows(site.id, type, rows);
    restored[type] += rows.length;
    options.onProgress?.(Object.values(restored).reduce((a, b) => a + b, 0));
  };

  let lineNo = 0;
  let ended: number | null = null;
  let count = 0;
  let pending: { type: ExportRowType; rows: ExportRow[] } = { type: 'thread', rows: [] };
  let waiting: ExportRow[] = [];
  const flush = async () => {
    if (pending.type === 'comment') await flushComments();
    else await write(pending.type, pending.rows);
    pending.rows = [];
  };
  /** Comments whose parent is neither stored nor earlier in the chunk wait for a later chunk. */
  const flushComments = async () => {
    const rows = [...waiting, ...pending.rows];
    const parents = [...new Set(rows.map((r) => r.parentId as string | null).filter((p): p is string => p !== null))];
    const known = options.dryRun ? new Set<string>() : await store.existingCommentIds(site.id, parents);
    const ordered: ExportRow[] = [];
    let rest = rows;
    for (let progress = true; rest.length && progress; ) {
      progress = false;
      const still: ExportRow[] = [];
      for (const r of rest) {
        const parent = r.parentId as string | null;
        if (parent === null || known.has(parent) || options.dryRun) {
          ordered.push(r);
          known.add(r.id as string);
          progress = true;
        } else still.push(r);
      }
      rest = still;
    }
    waiting = rest;
    await write('comment', ordered);
  };

  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (lineNo === 1) throw new UnreadableExportError('not a Parley export: the first line is not JSON');
      addError(errors, lineNo, 'not JSON');
      continue;
    }
    if (lineNo === 1) {
      const header = ExportHeader.safeParse(value);
      if (!header.success) throw new UnreadableExportError(`not a Parley export of version ${EXPORT_VERSION}: the first line must be {"type":"parley-export","version":${EXPORT_VERSION},…}`);
      continue;
    }
    const parsed = ExportRecord.safeParse(value);
    if (!parsed.success) {
      addError(errors, lineNo, `not a record of this export version: ${parsed.error.issues[0]?.path.join('.') || '(line)'} ${parsed.error.issues[0]?.message ?? ''}`.trim());
      continue;
    }
    const record = parsed.data;
    count++;
    if (record.type === 'end') {
      ended = record.records;
      count--;
      continue;
    }
    if (record.type === 'site') {
      const config = StoredSiteConfig.safeParse({ ...withSecretsOf(site, record.config), apiKeyHash: undefined });
      if (!config.success) {
        addError(errors, lineNo, 'the site configuration is not valid');
        continue;
      }
      if (!options.dryRun) await store.saveSite(withSecretsOf(site, record.config), deps.now());
      restored.site++;
      continue;
    }
    if (record.type !== pending.type || pending.rows.length >= RESTORE_CHUNK) await flush();
    pending.type = record.type;
    pending.rows.push(record as ExportRow);
  }
  await flush();
  if (lineNo === 0) throw new UnreadableExportError('the file is empty');
  for (const r of waiting) addError(errors, 0, `comment ${String(r.id)}: its parent ${String(r.parentId)} is not in the export`);
  if (ended === null) addError(errors, lineNo, 'the export has no end line: it was cut off, and what follows the last line is missing');
  else if (ended !== count) addError(errors, lineNo, `the end line counts ${ended} records, the file has ${count}`);
  return { dryRun: options.dryRun ?? false, restored, errorCount: errors.errorCount, errors: errors.errors };
}

export function formatRestoreSummary(s: RestoreSummary): string {
  const lines = [`${s.dryRun ? 'Dry run (nothing written): would restore' : 'Restored'}:`];
  for (const [type, n] of Object.entries(s.restored)) lines.push(`  ${String(n).padStart(8)}  ${type.replace('_', ' ')}${n === 1 || type === 'site' ? '' : 's'}`);
  lines.push(`Errors: ${s.errorCount}${s.errorCount > s.errors.length ? ` (first ${s.errors.length} listed)` : ''}`);
  for (const e of s.errors) lines.push(`  line ${e.line}: ${e.message}`);
  return lines.join('\n');
}
