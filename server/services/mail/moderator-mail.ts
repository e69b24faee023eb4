// Moderators' mail: an alert when the queue passes the site's threshold (once per crossing: it
// fires, then waits until the queue is back under before it can fire again), and the daily
// digest at the site's hour. Addresses come from the site's settings; one that unsubscribed is skipped.
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import { senderOf } from './compose-notices';
import type { MailConfig } from './mailer';
import { moderatorNotice } from './templates';
import { unsubscribeLink } from './unsubscribe-link';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

function waited(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`;
}

export async function checkModeratorMail(deps: ServiceDeps, mail: MailConfig): Promise<number> {
  let queued = 0;
  for (const siteId of await deps.store.sitesMailingModerators()) {
    const site = await deps.store.getSite(siteId);
    if (site) queued += (await queueAlert(deps, mail, site)) + (await digest(deps, mail, site));
  }
  return queued;
}

async function queueAlert(deps: ServiceDeps, mail: MailConfig, site: SiteRecord): Promise<number> {
  const alert = site.settings.mail.queueAlert;
  if (!alert || (alert.pending === undefined && alert.oldestMinutes === undefined)) return 0;
  const now = deps.now();
  const health = await deps.store.queueHealth(site.id);
  const age = health.oldestAt === null ? 0 : now - health.oldestAt;
  const over = (alert.pending !== undefined && health.pending >= alert.pending) || (alert.oldestMinutes !== undefined && health.oldestAt !== null && age >= alert.oldestMinutes * 60_000);
  const state = await deps.store.alertState(site.id, 'queue');
  if (!over) {
    if (!state.armed) await deps.store.setAlertState(site.id, 'queue', { armed: true, lastAt: state.lastAt });
    return 0;
  }
  if (!state.armed) return 0;
  await deps.store.setAlertState(site.id, 'queue', { armed: false, lastAt: now });
  return send(deps, mail, site, 'alert', { pending: health.pending, age: waited(age) });
}

async function digest(deps: ServiceDeps, mail: MailConfig, site: SiteRecord): Promise<number> {
  const hour = site.settings.mail.digestHourUtc;
  if (hour === undefined) return 0;
  const now = deps.now();
  const due = Math.floor((now - hour * HOUR) / DAY) * DAY + hour * HOUR; // the latest digest time at or before now
  const state = await deps.store.alertState(site.id, 'digest');
  // A digest just turned on starts at the next such hour, not with the one already past.
  if (state.lastAt === 0) {
    await deps.store.setAlertState(site.id, 'digest', { armed: true, lastAt: now });
    return 0;
  }
  if (state.lastAt >= due) return 0;
  await deps.store.setAlertState(site.id, 'digest', { armed: true, lastAt: now });
  const [since, health] = await Promise.all([deps.store.moderationSince(site.id, now - DAY), deps.store.queueHealth(site.id)]);
  return send(deps, mail, site, 'digest', { ...since, pending: health.pending });
}

async function send(deps: ServiceDeps, mail: MailConfig, site: SiteRecord, kind: 'alert' | 'digest', values: Record<string, string | number>): Promise<number> {
  const suppressed = await deps.store.suppressedAddresses(site.id);
  const to = site.settings.mail.moderatorEmails.filter((a) => !suppressed.has(a.toLowerCase()));
  for (const address of to) {
    const link = await unsubscribeLink(deps, mail.publicUrl, site.id, { u: address, l: 'moderators' });
    const rendered = moderatorNotice({ name: site.name, strings: site.settings.strings }, kind, values, site.settings.mail.dashboardUrl, link.url);
    await deps.store.queueMessage({
      id: deps.newId(),
      siteId: site.id,
      userId: null,
      threadId: null,
      kind,
      from: senderOf(site, mail),
      to: address,
      ...rendered,
      headers: { ...link.headers, 'X-Parley-Site': site.id },
      createdAt: deps.now(),
    });
  }
  return to.length;
}
