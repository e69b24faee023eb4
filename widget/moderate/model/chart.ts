// Pure data shaping for the stats charts: a full 30-day series and "nice" axis maxima.
import type { StatsResponse } from '../../../shared/schemas/moderation-api';

export type Day = StatsResponse['days'][number];

const DAY_MS = 86_400_000;
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The `count` days ending today (UTC), or on the server's latest day if its clock is ahead,
 * zero-filled where the server sent none.
 */
export function fillDays(days: Day[], now: number, count = 30): Day[] {
  const byDay = new Map(days.map((d) => [d.day, d]));
  const end = Math.max(now, ...days.map((d) => Date.parse(d.day)).filter(Number.isFinite));
  const out: Day[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const day = isoDay(end - i * DAY_MS);
    out.push(byDay.get(day) ?? { day, total: 0, commenters: 0, held: 0, rejected: 0 });
  }
  return out;
}

/** Share of a day's comments that were held for review; null on days without comments. */
export const heldShare = (d: Day): number | null => (d.total > 0 ? Math.min(1, d.held / d.total) : null);

/** A round axis maximum at or above `max` (1, 2, 5 × 10^n), never below 1. */
export function niceMax(max: number): number {
  if (!(max > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}

/** Rule hits, most first, ties by id, so the chart reads the same every time. */
export const sortedHits = (hits: Record<string, number>) =>
  Object.entries(hits)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
