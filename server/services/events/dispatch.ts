// The outbox dispatcher, one pass: fan new events out to deliveries, claim the due deliveries,
// send each signed, record the outcome. The same pass runs in the Node process (dispatcher-loop.ts,
// one leader per database) and from a Workers Cron Trigger. Delivery is at least once: a pass that
// dies mid-send leaves its claims to run out, and the next pass sends them again (the receiver
// dedupes by webhook-id, the event's id).
import type { ServiceDeps } from '../deps';
import type { ClaimedDelivery, DeliveryOutcome } from '../../store/events-port';
import { webhookHeaders } from './sign-webhook';
import { outboundPolicy } from '../moderation/external-scorer';

export interface DispatchOptions {
  /** Attempts before a delivery is dead-lettered. */
  maxAttempts: number;
  /** First retry after about this long; doubled per attempt, up to maxDelayMs, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Deliveries in flight to one endpoint at most. */
  perEndpoint: number;
  /** Deliveries claimed per pass. */
  batch: number;
  /** How long one request may take. */
  timeoutMs: number;
  /** Random in [0, 1): the jitter. */
  random: () => number;
}

export const DEFAULT_DISPATCH: DispatchOptions = {
  maxAttempts: 8,
  baseDelayMs: 5_000,
  maxDelayMs: 6 * 3600_000,
  perEndpoint: 4,
  batch: 50,
  timeoutMs: 10_000,
  random: Math.random,
};

export interface DispatchReport {
  fannedOut: number;
  delivered: number;
  retried: number;
  dead: number;
}

/** Deliveries a pass sent, whatever came of them. */
export const sentIn = (r: DispatchReport) => r.delivered + r.retried + r.dead;

/** Delay before attempt `attempts + 1`: exponential, capped, with "equal jitter" (half fixed, half random). */
export function retryDelay(attempts: number, o: Pick<DispatchOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const ceiling = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * o.random());
}

export async function dispatchOnce(deps: ServiceDeps, options: Partial<DispatchOptions> = {}): Promise<DispatchReport> {
  const o = { ...DEFAULT_DISPATCH, ...options };
  const report: DispatchReport = { fannedOut: 0, delivered: 0, retried: 0, dead: 0 };
  for (let n = 1; n > 0; ) report.fannedOut += n = await deps.store.fanOutEvents(200);
  const now = deps.now();
  // The lease outlasts the request's own timeout, so a live sender is never overtaken.
  const claimed = await deps.store.claimDeliveries({ now, leaseUntil: now + o.timeoutMs * 2 + 5_000, limit: o.batch, perEndpoint: o.perEndpoint });
  await Promise.all(
    claimed.map(async (d) => {
      const outcome = await send(deps, d, o);
      report[outcome.kind === 'delivered' ? 'delivered' : outcome.kind === 'retry' ? 'retried' : 'dead']++;
      await deps.store.finishDelivery(outcome, d.attempts);
    }),
  );
  return report;
}

const DAY = 24 * 3600_000;
/** How long the outbox keeps what is done: events a week once nothing waits on them, finished deliveries a month (the admins' record). */
export const OUTBOX_RETENTION = { eventsMs: 7 * DAY, deliveriesMs: 30 * DAY };

/** Forgets what no one needs any more: old finished deliveries, and events with nothing left to deliver. */
export function sweepOutbox(deps: ServiceDeps): Promise<number> {
  const now = deps.now();
  return deps.store.sweepOutbox(now - OUTBOX_RETENTION.eventsMs, now - OUTBOX_RETENTION.deliveriesMs);
}

async function send(deps: ServiceDeps, d: ClaimedDelivery, o: DispatchOptions): Promise<DeliveryOutcome> {
  const body = JSON.stringify({ type: d.eventType, timestamp: new Date(d.eventCreatedAt).toISOString(), data: JSON.parse(d.payload) });
  let status: number | null = null;
  let error: string;
  try {
    const headers = await webhookHeaders(d.endpoint.secret, d.eventId, Math.floor(deps.now() / 1000), body);
    const res = await deps.outbound(d.endpoint.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(o.timeoutMs) }, outboundPolicy(deps, d.endpoint));
    status = res.status;
    // Only the status matters; the body is read so the connection can be reused.
    await res.arrayBuffer().catch(() => undefined);
    if (status >= 200 && status < 300) return { id: d.id, kind: 'delivered', status, now: deps.now() };
    error = `answered ${status}`;
  } catch (e) {
    error = e instanceof Error ? (e.name === 'TimeoutError' ? `no answer within ${o.timeoutMs} ms` : e.message) : String(e);
  }
  if (d.attempts >= o.maxAttempts) return { id: d.id, kind: 'dead', status, error };
  return { id: d.id, kind: 'retry', status, error, nextAt: deps.now() + retryDelay(d.attempts, o) };
}
