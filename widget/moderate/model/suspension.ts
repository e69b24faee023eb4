// How long a suspension lasts: the choices the member drawer offers, and when one ends.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const SUSPENSIONS = [
  { id: '1h', label: '1 hour', ms: HOUR },
  { id: '1d', label: '1 day', ms: DAY },
  { id: '3d', label: '3 days', ms: 3 * DAY },
  { id: '7d', label: '1 week', ms: 7 * DAY },
  { id: '30d', label: '30 days', ms: 30 * DAY },
  { id: '90d', label: '90 days', ms: 90 * DAY },
  { id: '365d', label: '1 year', ms: 365 * DAY },
] as const;

/** When a suspension of the given length, starting now, ends. */
export function suspensionEnd(id: string, now: number): number {
  return now + (SUSPENSIONS.find((s) => s.id === id) ?? SUSPENSIONS[1]).ms;
}
