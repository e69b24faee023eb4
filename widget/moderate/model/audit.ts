// The audit log's filters and the pure step from what the moderator picked to the API's query.
// Dates are whole local days: "until 15 Jan" includes everything on the 15th.
import { COMMENT_ACTIONS, THREAD_ACTIONS, USER_ACTIONS, type AuditEntry, type TargetType } from '../../../shared/schemas/moderation-api';
import type { AuditRequest } from '../api';

export interface AuditFilter {
  /** "user:<id>", "author:<id>" or "api-key". */
  actor?: string;
  targetType?: TargetType;
  targetId?: string;
  action?: string;
  /** First day shown, as an <input type="date"> writes it (YYYY-MM-DD). */
  since?: string;
  /** Last day shown. */
  until?: string;
}

/** The actions the filter offers before any entry has been seen: every kind the API records. */
export const KNOWN_ACTIONS: readonly string[] = [...new Set<string>([...COMMENT_ACTIONS, ...USER_ACTIONS, ...THREAD_ACTIONS])];

/** Local midnight at the start of a YYYY-MM-DD day, plus `days`; undefined for anything else. */
export function dayStart(day: string | undefined, days = 0): number | undefined {
  const m = day && /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days).getTime() : undefined;
}

export function auditQuery(filter: AuditFilter, cursor?: string): AuditRequest {
  const { since, until, ...rest } = filter;
  return { ...rest, since: dayStart(since), until: dayStart(until, 1), cursor };
}

/** Actors seen so far (id → name): the API has no actor search, so these are the filter's choices. */
export function rememberActors(known: Record<string, string>, entries: AuditEntry[]): Record<string, string> {
  const out = { ...known };
  for (const e of entries) out[e.actor] = e.actorName;
  return out;
}

/** Whether a row's target can narrow the log to itself: anything with an id, not the site's rules. */
export const filtersByTarget = (e: AuditEntry) => e.targetType !== 'settings' && e.targetId !== '';
