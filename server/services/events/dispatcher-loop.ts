// The dispatcher in a long-running process (Node): a pass whenever there is work, looked for
// with one cheap read per interval. Several processes on one database elect one leader through a
// lease in the database; if it dies, another takes over once the lease runs out.
import type { ServiceDeps } from '../deps';
import { DEFAULT_DISPATCH, dispatchOnce, sentIn, sweepOutbox, type DispatchOptions, type DispatchReport } from './dispatch';
import { mailPass, type MailPassReport } from '../mail/mail-pass';

export interface DispatcherLoopOptions {
  /** This process's name in the lease. */
  holder: string;
  intervalMs?: number;
  leaseMs?: number;
  dispatch?: Partial<DispatchOptions>;
  onPass?: (report: DispatchReport) => void;
  /** How often mail is composed and sent (when the server mails at all); default 5 s. */
  mailEveryMs?: number;
  /** How long a first reply notice waits for others (see compose-notices.ts). */
  mailGatherMs?: number;
  onMailPass?: (report: MailPassReport) => void;
  onError?: (error: unknown) => void;
}

export interface DispatcherLoop {
  /** Looks for work now instead of at the next interval. */
  wake(): void;
  /** Stops after the pass in progress, if any. */
  stop(): Promise<void>;
}

export const DISPATCHER_LEASE = 'outbox-dispatcher';
const SWEEP_EVERY_MS = 3600_000;
/** Moderators' queues are looked at this often for alerts and digests. */
const MODERATORS_EVERY_MS = 60_000;

export function startDispatcherLoop(deps: ServiceDeps, o: DispatcherLoopOptions): DispatcherLoop {
  const intervalMs = o.intervalMs ?? 1000;
  const leaseMs = o.leaseMs ?? 15_000;
  const batch = o.dispatch?.batch ?? DEFAULT_DISPATCH.batch;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pass: Promise<void> | null = null;
  let stopped = false;
  let leaseUntil = 0;
  let sweptAt = 0;
  let mailedAt = 0;
  let moderatorsAt = 0;
  const mailEveryMs = o.mailEveryMs ?? 5_000;

  async function leader(now: number): Promise<boolean> {
    // Renewed when a third of it is left, so a leader keeps it without a write per pass.
    if (leaseUntil - now > (leaseMs * 2) / 3) return true;
    const taken = await deps.store.takeLease(DISPATCHER_LEASE, o.holder, now, now + leaseMs);
    leaseUntil = taken ? now + leaseMs : 0;
    return taken;
  }

  async function run(): Promise<void> {
    try {
      const now = deps.now();
      if (now - sweptAt > SWEEP_EVERY_MS && (await leader(now))) {
        sweptAt = now;
        await sweepOutbox(deps);
      }
      if (deps.mail && now - mailedAt >= mailEveryMs && (await leader(now))) {
        mailedAt = now;
        const moderators = now - moderatorsAt >= MODERATORS_EVERY_MS;
        if (moderators) moderatorsAt = now;
        // Not inside `o.onMailPass?.(…)`: with no listener, that would skip the pass itself.
        const report = await mailPass(deps, { dispatch: o.dispatch, moderators, gatherMs: o.mailGatherMs });
        o.onMailPass?.(report);
      }
      if (!(await deps.store.hasDispatchWork(now)) || !(await leader(now))) return;
      // A full batch means more may be waiting: go on at once.
      for (let report: DispatchReport | null = null; !stopped && (!report || sentIn(report) >= batch); ) {
        report = await dispatchOnce(deps, o.dispatch);
        o.onPass?.(report);
      }
    } catch (error) {
      o.onError?.(error);
    }
  }

  function schedule(ms: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
    // Never what keeps the process alive.
    (timer as { unref?: () => void }).unref?.();
  }

  function tick() {
    if (pass) return;
    pass = run().finally(() => {
      pass = null;
      schedule(intervalMs);
    });
  }

  schedule(0);
  return {
    wake: () => (pass ? undefined : schedule(0)),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await pass;
    },
  };
}
