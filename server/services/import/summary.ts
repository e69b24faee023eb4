// What an import did, for the end of the run: counted by outcome, with the problems found and
// the lines they were on.

export const SKIP_REASONS = {
  already_imported: 'already imported by an earlier run',
  duplicate: 'the same id twice in the file',
  deleted: 'deleted in the source (--skip-deleted)',
  spam: 'marked as spam in the source (--skip-spam)',
  notice: 'pingbacks and trackbacks',
  empty: 'no text',
  unknown_thread: 'the thread it names is not in the file',
  origin_not_allowed: "the article's URL is not under the site's allowedOrigins (see --map-domain)",
  reply_cycle: 'replies that are each other’s parents',
} as const;
export type SkipReason = keyof typeof SKIP_REASONS;

/** Problems kept with their line; past this many only the count grows. */
export const MAX_LISTED_ERRORS = 100;

export interface ImportSummary {
  source: string;
  dryRun: boolean;
  imported: { threads: number; threadsReused: number; comments: number; users: number };
  skipped: Record<SkipReason, number>;
  /** Replies whose parent is not in the file (or was skipped), imported as top-level comments. */
  reparented: number;
  /** Threads in the file with no comment to import: not made. */
  threadsWithoutComments: number;
  /** Threads whose URL is refused; their comments are counted in skipped.origin_not_allowed. */
  threadsRefused: number;
  errorCount: number;
  errors: { line: number; message: string }[];
}

export function emptySummary(source: string, dryRun: boolean): ImportSummary {
  const skipped = Object.fromEntries(Object.keys(SKIP_REASONS).map((k) => [k, 0])) as Record<SkipReason, number>;
  return { source, dryRun, imported: { threads: 0, threadsReused: 0, comments: 0, users: 0 }, skipped, reparented: 0, threadsWithoutComments: 0, threadsRefused: 0, errorCount: 0, errors: [] };
}

export function addError(summary: ImportSummary, line: number, message: string): void {
  summary.errorCount++;
  if (summary.errors.length < MAX_LISTED_ERRORS) summary.errors.push({ line, message });
}

export function formatSummary(s: ImportSummary): string {
  const lines = [
    `${s.dryRun ? 'Dry run (nothing written): would import' : 'Imported'} from ${s.source}:`,
    `  comments  ${s.imported.comments}${s.reparented ? ` (${s.reparented} replies whose parent was not imported, at top level)` : ''}`,
    `  threads   ${s.imported.threads} new, ${s.imported.threadsReused} already in Parley`,
    `  authors   ${s.imported.users} new`,
  ];
  const skipped = (Object.keys(SKIP_REASONS) as SkipReason[]).filter((k) => s.skipped[k] > 0);
  const total = skipped.reduce((n, k) => n + s.skipped[k], 0);
  lines.push(`Skipped: ${total} comments${skipped.length ? '' : '.'}`);
  for (const k of skipped) lines.push(`  ${String(s.skipped[k]).padStart(8)}  ${SKIP_REASONS[k]}`);
  if (s.threadsWithoutComments) lines.push(`  ${String(s.threadsWithoutComments).padStart(8)}  threads without comments (not made)`);
  if (s.threadsRefused) lines.push(`  ${String(s.threadsRefused).padStart(8)}  threads refused: URL not under allowedOrigins`);
  lines.push(`Errors: ${s.errorCount}${s.errorCount > s.errors.length ? ` (first ${s.errors.length} listed)` : ''}`);
  for (const e of s.errors) lines.push(`  line ${e.line}: ${e.message}`);
  return lines.join('\n');
}
