// The bounded wait of a write request, and what becomes of a write that outlives it.
import type { Context } from 'hono';

/** True when `work` settled within `ms`; false when the deadline passed first (work goes on). */
export async function withinDeadline(work: Promise<unknown>, ms: number): Promise<boolean> {
  if (ms <= 0) {
    await work;
    return true;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true as const), late]);
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
