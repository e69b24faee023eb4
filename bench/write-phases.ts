// Where one comment write's time goes, by phase: the app built in this process on the bench's
// database, with a token verifier and a store that stamp performance.now() around every call
// (through AppDeps, as a runtime passes them; no timing code in the server). Comments are posted
// one at a time, so each span is that write's own time, with nothing else on the event loop.
//
// The timeline of a write: request in → token verified → facts read (thread, member, parent,
// history) → moderation pipeline and markdown (from the last fact to the insert) →
// the store's write batch (insertComment, to its commit) → the response built and sent back.
// Idempotency records and rate-limit counters are store calls of their own, counted apart
// wherever they fall. A new member's user row is written among the facts (ensureViewerUser).
import { createApp } from '../server/app';
import { createTokenVerifier } from '../server/services/identity/verify-token';
import { createLibsqlStore } from '../server/store/libsql';
import type { Store } from '../server/store/port';
import type { Client } from '@libsql/client';
import { median, round } from './load';

export const PHASE_WRITES = 200;

export interface WritePhases {
  writes: number;
  /** Median of each phase over the writes, ms; `total` is the median request, request to response. */
  medianMs: Record<PhaseName, number>;
}

export type PhaseName = 'routing' | 'token' | 'facts' | 'moderation' | 'writeBatch' | 'response' | 'idempotency' | 'rateLimits' | 'total';

interface Span {
  name: string;
  start: number;
  end: number;
}

const IDEMPOTENCY = /idempotency|claimingStore/i;
/** The per-member and per-address write limits' counters (peekHits, countHit). */
const RATE_LIMITS = /^(peekHits|countHit)$/;
/** Store calls counted as phases of their own wherever they fall in the timeline. */
const apart = (s: Span) => IDEMPOTENCY.test(s.name) || RATE_LIMITS.test(s.name);

/** A store whose every method records its span into `spans` (async ones until they settle). */
function timedStore(store: Store, spans: Span[]): Store {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const span = { name: String(key), start: performance.now(), end: NaN };
        spans.push(span);
        const out = value.apply(target, args);
        // The idempotency middleware hands the handler a store of its own: time that one too.
        if (key === 'claimingStore') {
          const claiming = out as ReturnType<Store['claimingStore']>;
          span.end = performance.now();
          return { ...claiming, claimed: () => claiming.claimed(), store: timedStore(claiming.store, spans) };
        }
        if (out instanceof Promise) return out.finally(() => void (span.end = performance.now()));
        span.end = performance.now();
        return out;
      };
    },
  });
}

export interface PhaseWrite {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Posts `writes` one by one through the app and splits each into its phases. */
export async function measureWritePhases(client: Client, writes: PhaseWrite[]): Promise<WritePhases> {
  const spans: Span[] = [];
  const verifier = createTokenVerifier();
  const app = createApp({
    store: timedStore(createLibsqlStore(client), spans),
    verifier: {
      async verify(...args) {
        const span = { name: 'verify', start: performance.now(), end: NaN };
        spans.push(span);
        try {
          return await verifier.verify(...args);
        } finally {
          span.end = performance.now();
        }
      },
    },
    clientAddress: () => '127.0.0.1',
  });
  const perWrite: Record<PhaseName, number>[] = [];
  for (const [i, w] of writes.entries()) {
    spans.length = 0;
    const t0 = performance.now();
    const res = await app.request(w.path, { method: 'POST', headers: w.headers, body: w.body });
    await res.text();
    const tEnd = performance.now();
    if (res.status !== 201) throw new Error(`Write ${i} was answered ${res.status}, expected 201`);
    // The first writes warm the site cache and the code; they are not counted.
    if (i >= 10) perWrite.push(split(spans, t0, tEnd));
  }
  const names = Object.keys(perWrite[0]) as PhaseName[];
  return { writes: perWrite.length, medianMs: Object.fromEntries(names.map((k) => [k, round(median(perWrite.map((p) => p[k])), 3)])) as Record<PhaseName, number> };
}

function split(all: Span[], t0: number, tEnd: number): Record<PhaseName, number> {
  // A call still running at the response is background work, not on this write's path.
  const spans = all.filter((s) => s.end <= tEnd);
  const verify = spans.find((s) => s.name === 'verify');
  const insert = spans.find((s) => s.name === 'insertComment');
  if (!verify || !insert) throw new Error(`A write without ${verify ? 'insertComment' : 'a token check'}: ${spans.map((s) => s.name).join(', ')}`);
  const idem = spans.filter((s) => IDEMPOTENCY.test(s.name));
  const limits = spans.filter((s) => RATE_LIMITS.test(s.name));
  const facts = spans.filter((s) => s !== verify && s !== insert && !apart(s) && s.start >= verify.end && s.end <= insert.start);
  const lastFact = facts.length ? Math.max(...facts.map((s) => s.end)) : verify.end;
  // Idempotency and rate-limit time inside a segment is taken out of it (parallel calls count once).
  const idemIn = (from: number, to: number) => covered([...idem, ...limits], from, to);
  return {
    routing: verify.start - t0 - idemIn(t0, verify.start),
    token: verify.end - verify.start,
    facts: lastFact - verify.end - idemIn(verify.end, lastFact),
    moderation: insert.start - lastFact,
    writeBatch: insert.end - insert.start,
    response: tEnd - insert.end - idemIn(insert.end, tEnd),
    idempotency: covered(idem, t0, tEnd),
    rateLimits: covered(limits, t0, tEnd),
    total: tEnd - t0,
  };
}

/** How much of [from, to] the spans cover, overlaps counted once. */
function covered(spans: Span[], from: number, to: number): number {
  let sum = 0;
  let reached = from;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(s.start, reached);
    const end = Math.min(s.end, to);
    if (end > start) {
      sum += end - start;
      reached = end;
    }
  }
  return sum;
}
