// One pass of the mail side of the dispatcher: fold waiting notices into messages, queue the
// moderators' alerts and digests that are due, and send what is due. The Node loop runs it every
// few seconds (the leader only), a Workers Cron Trigger once a minute.
import type { ServiceDeps } from '../deps';
import { DEFAULT_DISPATCH, retryDelay, type DispatchOptions } from '../events/dispatch';
import { composeNotices, type ComposeOptions } from './compose-notices';
import { checkModeratorMail } from './moderator-mail';
import { sendDueMail } from './send-mail';

export interface MailPassOptions extends Partial<ComposeOptions> {
  dispatch?: Partial<DispatchOptions>;
  /** Whether to look at the moderators' queues this pass (the loop does so once a minute). */
  moderators?: boolean;
}

export interface MailPassReport {
  composed: number;
  alerts: number;
  sent: number;
  retried: number;
  dead: number;
}

export async function mailPass(deps: ServiceDeps, o: MailPassOptions = {}): Promise<MailPassReport> {
  const mail = deps.mail;
  if (!mail) return { composed: 0, alerts: 0, sent: 0, retried: 0, dead: 0 };
  const d = { ...DEFAULT_DISPATCH, ...o.dispatch };
  const composed = await composeNotices(deps, mail, o);
  const alerts = o.moderators === false ? 0 : await checkModeratorMail(deps, mail);
  const sent = await sendDueMail(deps, mail, {
    maxAttempts: d.maxAttempts,
    retryDelay: (attempts) => retryDelay(attempts, d),
    batch: d.batch,
    concurrency: 4,
    leaseMs: d.timeoutMs * 3 + 5_000,
  });
  return { composed, alerts, ...sent };
}
