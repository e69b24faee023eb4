// Sends the messages that are due, at least once: a claim is leased, and a sender that dies
// leaves it to run out, so the message goes again (as webhook deliveries do). A failure is
// retried with the dispatcher's backoff, and dead after its number of attempts.
import type { ServiceDeps } from '../deps';
import type { MailOutcome } from '../../store/mail-port';
import type { MailConfig } from './mailer';

export interface SendOptions {
  maxAttempts: number;
  retryDelay: (attempts: number) => number;
  batch: number;
  /** Messages handed to the transport at once. */
  concurrency: number;
  leaseMs: number;
}

export async function sendDueMail(deps: ServiceDeps, mail: MailConfig, o: SendOptions): Promise<{ sent: number; retried: number; dead: number }> {
  const report = { sent: 0, retried: 0, dead: 0 };
  const now = deps.now();
  const claimed = await deps.store.claimMail(now, now + o.leaseMs, o.batch);
  for (let i = 0; i < claimed.length; i += o.concurrency) {
    await Promise.all(
      claimed.slice(i, i + o.concurrency).map(async (m) => {
        let outcome: MailOutcome;
        try {
          await mail.mailer.send({ from: m.from, to: m.to, subject: m.subject, text: m.text, html: m.html, headers: m.headers });
          outcome = { id: m.id, kind: 'sent', now: deps.now() };
        } catch (e) {
          const error = e instanceof Error ? e.message : String(e);
          outcome = m.attempts >= o.maxAttempts ? { id: m.id, kind: 'dead', error } : { id: m.id, kind: 'retry', error, nextAt: deps.now() + o.retryDelay(m.attempts) };
        }
        report[outcome.kind === 'sent' ? 'sent' : outcome.kind === 'retry' ? 'retried' : 'dead']++;
        await deps.store.finishMail(outcome, m.attempts);
      }),
    );
  }
  return report;
}
