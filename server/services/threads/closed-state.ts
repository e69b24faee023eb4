// Whether a thread takes new comments: closed by a moderator, or by its age under the site's
// `settings.autoClose`. Age is decided on every read and write from the clock, so no job has to
// run for a thread to close. A moderator who reopens a thread its age had closed keeps it open.
import type { SiteRecord, ThreadRecord } from '../../store/port';
import { own } from '../../../shared/own';

const DAY_MS = 24 * 3600 * 1000;

type Aged = Pick<ThreadRecord, 'section' | 'createdAt' | 'publishedAt' | 'firstCommentAt' | 'keptOpen'>;

/** When the thread's age closes it, or null when it never does (off, its section exempt, no comment yet to count from). */
export function autoClosesAt(site: SiteRecord, thread: Aged): number | null {
  const { autoClose } = site.settings;
  // Sections come from the site's own rules; only its own entries count, never Object.prototype's.
  const entry = own(autoClose.bySection, thread.section);
  const days = entry ? entry.afterDays : autoClose.afterDays;
  if (days == null) return null;
  const from = autoClose.from === 'firstComment' ? thread.firstCommentAt : (thread.publishedAt ?? thread.createdAt);
  return from === null ? null : from + days * DAY_MS;
}

/** Closed by its age at `now`, and not kept open by a moderator. */
export function isAutoClosed(site: SiteRecord, thread: Aged, now: number): boolean {
  if (thread.keptOpen) return false;
  const at = autoClosesAt(site, thread);
  return at !== null && now >= at;
}

/** What readers and the rules see: closed by hand, or by age. */
export function isClosed(site: SiteRecord, thread: Aged & Pick<ThreadRecord, 'closed'>, now: number): boolean {
  return thread.closed || isAutoClosed(site, thread, now);
}
