// The bounded wait of a write request, and what becomes of a write that outlives it: past the
// deadline the client gets 503 with Retry-After while the request carries on (on Workers through
// waitUntil). Its write either never commits, or commits with its idempotency key claimed, and
// then the request writes its answer (see index.ts), so a retry with the same key finds it.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env';
import { errorJson } from '../errors';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Bounds every write request, from the first thing it does (rate limits count in the database too). */
export function writeDeadline(deadlineMs: number): MiddlewareHandler<AppEnv> {
  return async function answerWritesInTime(c, next) {
    if (READS.has(c.req.method)) return next();
    const work = next();
    if ((await withinDeadline(work.then(() => true), deadlineMs)) !== null) return;
    keepRunning(c, work);
    return errorJson(c, 'unavailable', 'The write did not finish in time; retry with the same Idempotency-Key to learn its outcome', undefined, { 'Retry-After': '2' });
  };
}

/** What `work` gave when it settled within `ms`; null when the deadline passed first (work goes on). */
export async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T | null> {
  if (ms <= 0) return work;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Lets a write that missed its deadline finish and write its answer. Node carries on by itself;
 * Workers would cancel it with the response, unless told to wait for it.
 */
export function keepRunning(c: Context, work: Promise<unknown>): void {
  const settled = work.catch(() => {});
  try {
    c.executionCtx.waitUntil(settled);
  } catch {
    // No execution context outside Workers: the process keeps running the promise.
  }
}
