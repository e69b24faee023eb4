// Builders for moderation rules: a member in good standing on an open thread of a site with
// default settings, at a fixed time. Override only what a test is about.
import type * as z from 'zod/mini';
import type { AuthorFacts, CommentDraft, ModerationContext, RecentComment } from '../../server/moderation/types';
import { ModerationSettingsFields } from '../../shared/schemas/moderation-settings';

export const NOW = Date.UTC(2025, 2, 14, 12, 0, 0);

export interface ContextOverrides extends Partial<Omit<ModerationContext, 'settings' | 'author' | 'thread'>> {
  /** Raw settings as a site would store them; missing fields take the schema defaults. */
  settings?: z.input<typeof ModerationSettingsFields>;
  author?: Partial<AuthorFacts>;
  thread?: Partial<ModerationContext['thread']>;
}

export function moderationContext(overrides: ContextOverrides = {}): ModerationContext {
  const { settings, author, thread, ...rest } = overrides;
  return {
    now: NOW,
    settings: ModerationSettingsFields.parse(settings ?? {}),
    thread: { id: 'thread-1', closed: false, premoderate: false, section: 'news', ...thread },
    tiers: { member: ['*'], newsletter: ['newsletter'] },
    author: {
      signedIn: true,
      role: 'member',
      tier: 'member',
      approvedCount: 10,
      rejectedCount: 0,
      alwaysPremoderate: false,
      banned: false,
      suspendedUntil: null,
      recent: [],
      ...author,
    },
    sameIpRecentCount: 0,
    nudgeAcknowledged: false,
    external: { status: 'off' },
    ...rest,
  };
}

export function draft(body: string, overrides: Partial<CommentDraft> = {}): CommentDraft {
  return { kind: 'create', body, parentId: null, ...overrides };
}

/** One of the author's earlier comments, `secondsAgo` before NOW. */
export function recentComment(secondsAgo: number, body = 'An earlier comment', threadId = 'thread-1'): RecentComment {
  return { id: `c-${secondsAgo}-${body.length}`, body, createdAt: NOW - secondsAgo * 1000, threadId };
}

/** The text each span of a result's reasons covers, to assert offsets in the body. */
export function spanTexts(body: string, reasons: { spans: { start: number; end: number }[] }[] | undefined): string[] {
  return (reasons ?? []).flatMap((r) => r.spans.map((s) => body.slice(s.start, s.end)));
}
