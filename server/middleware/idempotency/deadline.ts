// The bounded wait of a write request, and what becomes of a write that outlives it.
import type { Context } from 'hono';

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
