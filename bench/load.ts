// One bounded autocannon run against a loopback URL, reduced to the figures the table prints.
import autocannon from 'autocannon';

type Options = Parameters<typeof autocannon>[0];

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
}

export async function load(options: Options): Promise<LoadResult> {
  const host = new URL(options.url).hostname;
  if (host !== '127.0.0.1') throw new Error(`Load only goes to 127.0.0.1, not ${host}`);
  if (!options.duration || options.duration > 30) throw new Error('Every load run is bounded to 30 s or less');
  const r = await autocannon({ timeout: 10, ...options });
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
  return {
    rps: round(r.requests.total / r.duration),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    statusCodes,
  };
}

export const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
