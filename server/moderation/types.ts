// The moderation contract. Rules are pure and synchronous: the service gathers every fact
// first (author history, thread state, settings, the time), then folds the rules, then persists.
import type { ErrorCode } from '../../shared/errors';
import type { ModerationSettings, Reason, RuleId } from '../../shared/schemas/moderation-settings';
import type { Role } from '../../shared/schemas/common';
import type { CivilityModel } from './civility/index';

export type Verdict = 'published' | 'pending' | 'rejected';
export type { Reason, RuleId, ModerationSettings };

/**
 * Every write a reader can make, and `view`: what the thread view asks to decide whether to offer
 * a composer, and `moderate`: what a staff member's own standing must allow before they act.
 * Each kind runs its own list of rules (rules/index.ts), so what the widget offers and what the
 * server accepts come from the same rules.
 */
export const WRITE_KINDS = ['create', 'edit', 'delete_own', 'like', 'unlike', 'report', 'view', 'moderate'] as const;
export type WriteKind = (typeof WRITE_KINDS)[number];

export interface CommentDraft {
  kind: WriteKind;
  /** The Markdown source exactly as stored; reason spans index into it. Empty for writes without text. */
  body: string;
  parentId: string | null;
  /** Display names of people in the conversation it answers (the replied-to author): insults aimed at them are aimed at members. */
  participants?: readonly string[];
}

export interface RecentComment {
  id: string;
  body: string;
  createdAt: number;
  threadId: string;
}

export interface AuthorFacts {
  /** False for a guest: then the other facts are a guest's defaults. */
  signedIn: boolean;
  role: Role;
  /** The membership tier from the reader's token. */
  tier: string;
  /** Published comments not deleted, and comments a moderator rejected. */
  approvedCount: number;
  rejectedCount: number;
  alwaysPremoderate: boolean;
  banned: boolean;
  suspendedUntil: number | null;
  /** The author's comments of the last 24 hours, newest first (at most 50). */
  recent: RecentComment[];
}

/** Scores from the site's own scorer, fetched by the service before the rules run. */
export type ExternalScores =
  | { status: 'ok'; attack?: number; fearAnger?: number; spam?: number; reasons?: Reason[] }
  | { status: 'failed'; error: string }
  | { status: 'off' };

export interface ModerationContext {
  now: number;
  settings: ModerationSettings;
  thread: { id: string; closed: boolean; premoderate: boolean; section: string };
  /** The site's tiers and the sections each may comment in (`*`: everywhere). */
  tiers: Record<string, string[]>;
  author: AuthorFacts;
  /** Comments from the same client address in the flooding window (excluding this one). */
  sameIpRecentCount: number;
  /** The author saw a nudge for this draft and chose to post it anyway. */
  nudgeAcknowledged: boolean;
  external: ExternalScores;
  /** The site's own civility model when it has activated one; the shipped model otherwise. */
  civilityModel?: CivilityModel;
}

export interface Refusal {
  code: ErrorCode;
  message: string;
  retryAfterSeconds?: number;
  /** Per-field problems, for refusals about the input itself. */
  fields?: Record<string, string>;
}

export interface RuleResult {
  /** Ends the run with this status. */
  status?: Verdict;
  /** Ends the run without storing anything: the request is refused (banned, closed, flooding). */
  refusal?: Refusal;
  reasons?: Reason[];
  /**
   * The finding may be shown to the author before posting: 'site' when the site's nudge setting
   * allows it, 'always' when the rule's own action is to nudge.
   */
  nudge?: 'site' | 'always';
}

export interface Rule {
  id: RuleId;
  check(draft: CommentDraft, ctx: ModerationContext): RuleResult | undefined;
}

export type ModerationOutcome =
  | { kind: 'refused'; refusal: Refusal; reasons: Reason[] }
  | { kind: 'nudge'; reasons: Reason[] }
  | { kind: 'decided'; status: Verdict; reasons: Reason[] };
