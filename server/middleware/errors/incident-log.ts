// Database incidents are logged once per kind per minute, not once per request: a full disk or a
// stopped server fails every request, and a line each would fill the disk further (or the log
// service) with the same news. Each line says how many requests failed the same way since the last.
export interface IncidentLogOptions {
  log: (message: string, error: unknown) => void;
  now: () => number;
  windowMs?: number;
}

export function incidentLog(options: IncidentLogOptions) {
  const windowMs = options.windowMs ?? 60_000;
  const last = new Map<string, { at: number; since: number }>();
  return function reportIncident(kind: string, error: unknown): void {
    const now = options.now();
    const seen = last.get(kind);
    if (seen && now - seen.at < windowMs) {
      seen.since++;
      return;
    }
    last.set(kind, { at: now, since: 0 });
    const more = seen?.since ? ` (${seen.since} more since the last report)` : '';
    options.log(`database unavailable: ${kind}${more}`, error);
  };
}
