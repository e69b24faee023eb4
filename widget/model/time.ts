// Short relative times for comment headers; the absolute date goes in the <time> title.
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export function relativeTime(at: number, now: number): string {
  const ago = now - at;
  // Clock skew can put a fresh comment slightly in the future.
  if (ago < MIN) return 'just now';
  if (ago < HOUR) return `${Math.floor(ago / MIN)} min ago`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)} h ago`;
  if (ago < 7 * DAY) return `${Math.floor(ago / DAY)} d ago`;
  return DATE.format(at);
}

// One formatter each for every call: toLocaleString and toLocaleDateString build a new one each
// time, which costs a long thread most of its first render. Formatters are immutable, so sharing is safe.
const DATE = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const ABSOLUTE = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' });

export const absoluteTime = (at: number) => ABSOLUTE.format(at);
