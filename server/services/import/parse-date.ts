// Dates as the exports write them, to epoch milliseconds; null when unusable.

/** ISO 8601 as Disqus writes it ("2013-05-01T12:00:00Z"); without a zone it is taken as UTC. */
export function parseIsoDate(text: string): number | null {
  const t = text.trim();
  if (!t) return null;
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(t) ? t : `${t}Z`);
  return Number.isFinite(ms) ? ms : null;
}

/** WordPress's "2013-05-01 12:00:00" in UTC (the *_gmt fields); "0000-00-00 00:00:00" is no date. */
export function parseWordpressGmt(text: string): number | null {
  const m = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(text.trim());
  if (!m || m[1] === '0000') return null;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  return Number.isFinite(ms) ? ms : null;
}
