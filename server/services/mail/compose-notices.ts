// Notices become messages: one per recipient and thread for replies and followed conversations
// (what arrives within a member's throttle window waits and goes out together), one per
// decision. A notice whose recipient unsubscribed meanwhile, or whose comment is gone, is dropped.
import type { SiteRecord } from '../../store/port';
import type { WaitingNotice } from '../../store/mail-port';
import type { ServiceDeps } from '../deps';
import type { MailConfig } from './mailer';
import { conversationNotice, decisionNotice, type Rendered } from './templates';
import { unsubscribeLink } from './unsubscribe-link';

export interface ComposeOptions {
  /** A first notice waits this long for others of the same conversation (a burst goes out as one message). */
  gatherMs: number;
  /** Notices looked at per pass. */
  limit: number;
}

export const DEFAULT_COMPOSE: ComposeOptions = { gatherMs: 60_000, limit: 500 };

export async function composeNotices(deps: ServiceDeps, mail: MailConfig, options: Partial<ComposeOptions> = {}): Promise<number> {
  const o = { gatherMs: options.gatherMs ?? DEFAULT_COMPOSE.gatherMs, limit: options.limit ?? DEFAULT_COMPOSE.limit };
  const now = deps.now();
  const waiting = await deps.store.waitingNotices(o.limit);
  const stale = new Set(waiting.filter((n) => !n.email || (n.kind !== 'rejected' && (n.comment.deleted || !n.comment.published))));
  await deps.store.dropNotices([...stale].map((n) => n.id));
  const sites = new Map<string, Promise<SiteRecord | null>>();
  const site = (id: string) => sites.get(id) ?? sites.set(id, deps.store.getSite(id)).get(id)!;

  const groups = new Map<string, WaitingNotice[]>();
  for (const n of waiting) {
    if (stale.has(n)) continue;
    const key = n.kind === 'reply' || n.kind === 'follow' ? `${n.userId}\n${n.threadId}` : n.id;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  let composed = 0;
  for (const notices of groups.values()) {
    const first = notices[0];
    const s = await site(first.siteId);
    if (!s || !s.settings.mail.enabled) {
      await deps.store.dropNotices(notices.map((n) => n.id));
      continue;
    }
    const conversation = first.kind === 'reply' || first.kind === 'follow';
    if (conversation) {
      if (now < first.createdAt + o.gatherMs) continue;
      const last = await deps.store.lastRepliesMessageAt(first.userId, first.threadId);
      if (last !== null && now < last + s.settings.mail.replyNoticeMinutes * 60_000) continue;
    }
    const rendered = await render(deps, mail, s, notices, conversation);
    const id = deps.newId();
    const ok = await deps.store.composeMessage(
      {
        id,
        siteId: s.id,
        userId: first.userId,
        threadId: first.threadId,
        kind: conversation ? 'replies' : 'decisions',
        from: senderOf(s, mail),
        to: first.email!,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        headers: { ...rendered.headers, 'X-Parley-Site': s.id },
        createdAt: now,
      },
      notices.map((n) => n.id),
    );
    if (ok) composed++;
  }
  return composed;
}

/** The site's name over its own From address, or the server's. */
export const senderOf = (site: SiteRecord, mail: MailConfig) => `"${site.name.replace(/["\\\r\n]/g, '')}" <${site.settings.mail.from ?? mail.from}>`;

async function render(deps: ServiceDeps, mail: MailConfig, site: SiteRecord, notices: WaitingNotice[], conversation: boolean): Promise<Rendered & { headers: Record<string, string> }> {
  const first = notices[0];
  const words = { name: site.name, strings: site.settings.strings };
  if (conversation) {
    const replies = notices.some((n) => n.kind === 'reply');
    const link = await unsubscribeLink(deps, mail.publicUrl, site.id, replies ? { u: first.userId, l: 'replies' } : { u: first.userId, l: 'follow', t: first.threadId });
    const comments = notices.map((n) => ({ ...n.comment, reply: n.kind === 'reply' }));
    return { ...conversationNotice(words, first.thread, comments, link.url), headers: link.headers };
  }
  const link = await unsubscribeLink(deps, mail.publicUrl, site.id, { u: first.userId, l: 'decisions' });
  return { ...decisionNotice(words, first.thread, first.comment, first.kind as 'approved' | 'rejected', first.reason, link.url), headers: link.headers };
}
