import * as z from 'zod/mini';
import { Id } from './common';
import { ThreadInfo } from './thread';
import { CommentState, CommentStatus } from './comment';
import { ModerationSettingsSave, ModerationSettingsShown, Reason } from './moderation-settings';
import { SiteEditView } from './site';
import { CtaStatsRow } from './cta-events';

// The moderator API's contract, shared by the server and the dashboard.

export const QUEUES = ['pending', 'reported', 'rejected', 'recent'] as const;
/** Longest search a queue takes, in characters. */
export const QUEUE_SEARCH_MAX = 100;
export const QueueName = z.enum(QUEUES);
export type QueueName = z.infer<typeof QueueName>;

// What a reader sends to report a comment: apart, so the widget's report form carries only this.
export { REPORT_REASONS, ReportReason, ReportBody } from './report';

/** Which comments a queue lists: the queue route's filters, and what a bulk operation by filter acts on. */
export const QueueFilter = z.object({
  queue: z._default(QueueName, 'pending'),
  threadId: z.optional(Id),
  rule: z.optional(z.string().check(z.regex(/^[a-z-]{1,40}$/, 'must be a rule id'))),
  /** One member's comments (the member drawer's "ban and reject their pending comments"). */
  authorId: z.optional(Id),
  /** Words to find in the comment's body or its author's name (all of them, each as a word's start). */
  q: z.optional(z.string().check(z.maxLength(QUEUE_SEARCH_MAX))),
  /** `new`: only comments their authors posted as new members (the "new member" badge). */
  members: z.optional(z.enum(['new'])),
});
export type QueueFilter = z.infer<typeof QueueFilter>;

/**
 * A queue's orders: by time either way, by open reports, or by the highest score a scorer gave
 * when the rules held it (ties newest first). Each is one index range scan with a keyset cursor.
 */
export const QUEUE_SORTS = ['newest', 'oldest', 'reports', 'score'] as const;
export const QueueSort = z.enum(QUEUE_SORTS);
export type QueueSort = z.infer<typeof QueueSort>;

/** Most comments one queue request may ask for by id (undo brings back those it can place). */
export const QUEUE_IDS_MAX = 100;

export const QueueQuery = z.extend(QueueFilter, {
  sort: z._default(QueueSort, 'newest'),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  /** Only these comments (comma-separated ids), when they are in the queue under its filters. */
  ids: z.optional(z.string().check(z.regex(new RegExp(`^[a-z0-9_-]{1,64}(,[a-z0-9_-]{1,64}){0,${QUEUE_IDS_MAX - 1}}$`, 'i'), 'must be comma-separated ids'))),
});
export type QueueQuery = z.infer<typeof QueueQuery>;

/** How many comments came into a queue under its filters after a time: the "N new comments" banner. */
export const QueueNewerQuery = z.extend(QueueFilter, { since: z.coerce.number().check(z.int(), z.gte(0)) });
export type QueueNewerQuery = z.infer<typeof QueueNewerQuery>;

/** Someone who reported a comment, and how moderators decided on their earlier reports on this site. */
export const Reporter = z.object({
  id: z.string(),
  name: z.string(),
  note: z.string(),
  /** Their earlier reports a moderator upheld: the comment rejected, or deleted by a moderator… */
  upheld: z.number(),
  /** …of those a moderator decided (upheld, or the comment left published). */
  decided: z.number(),
  /** This report's weight toward the hide threshold: 1 for a reporter without a record, 0.5 to 1.5. */
  weight: z.number(),
});
export type Reporter = z.infer<typeof Reporter>;

/** Most reporters named per reason; `count` says how many there are. */
export const MAX_REPORTERS_NAMED = 20;

export const QueueReport = z.object({
  reason: z.string(),
  /** Their notes, joined. */
  note: z.string(),
  count: z.number(),
  /** Oldest report first, at most MAX_REPORTERS_NAMED. */
  reporters: z.array(Reporter),
});
export type QueueReport = z.infer<typeof QueueReport>;

/** Who put a rejected or published comment where it is, and why. */
export const QueueDecision = z.object({
  by: z.enum(['moderator', 'rules']),
  /** The moderator's name (or "Site owner" for the API key); null for the rules. */
  name: z.nullable(z.string()),
  at: z.number(),
  /** The reject reason a moderator gave (a REJECT_REASONS code); null when none was given. */
  reason: z.nullable(z.string()),
  /** For the rules: the rules that decided; empty for a comment no rule held. */
  rules: z.array(z.string()),
});
export type QueueDecision = z.infer<typeof QueueDecision>;

/**
 * What surrounds a queue item. Queue pages carry it; an action's answer leaves it out, and the
 * dashboard keeps the context it already shows.
 */
export const QueueItemContext = z.object({
  /** The comment it replies to; null for a top-level comment. */
  parent: z.nullable(z.object({ id: z.string(), authorName: z.string(), excerpt: z.string(), state: CommentState })),
  /** Comments in its conversation (the top-level comment and all its replies), itself included. */
  conversationSize: z.number(),
  /**
   * Where the article link leads: to the comment when readers can see it, else to the published
   * comment it replies to, else to the article (a link to a comment readers cannot see finds nothing).
   */
  link: z.object({ href: z.string(), to: z.enum(['comment', 'parent', 'article']) }),
  /** For rejected and published comments; null for the others, whose reasons say why they wait. */
  decision: z.nullable(QueueDecision),
  /** The author saw the civility nudge and posted it anyway, or revised it first. */
  afterNudge: z.nullable(z.enum(['posted_anyway', 'revised'])),
  /** Posted while the author had fewer published comments than the new-member rule asks for. */
  newMember: z.boolean(),
  author: z.object({
    banned: z.boolean(),
    /** While a suspension lasts; null otherwise. */
    suspendedUntil: z.nullable(z.number()),
    premoderated: z.boolean(),
  }),
  /** The open reports' summed weight, and the site's bar to hide a comment (0: never). */
  reportWeight: z.object({ open: z.number(), hideAt: z.number() }),
});
export type QueueItemContext = z.infer<typeof QueueItemContext>;

export const QueueItemView = z.object({
  id: Id,
  body: z.string(),
  html: z.string(),
  status: CommentStatus,
  /** Where the comment is in its life; `hidden` means reader reports took it down. */
  state: CommentState,
  featured: z.boolean(),
  deleted: z.boolean(),
  createdAt: z.number(),
  editedAt: z.nullable(z.number()),
  parentId: z.nullable(z.string()),
  reasons: z.array(Reason),
  /** Why a moderator rejected it (a REJECT_REASONS code), when they did. */
  rejectReason: z.optional(z.nullable(z.string())),
  reports: z.array(QueueReport),
  author: z.object({ id: z.string(), name: z.string(), role: z.string(), avatarUrl: z.nullable(z.string()) }),
  thread: z.object({ id: z.string(), title: z.string(), url: z.string(), section: z.string() }),
  context: z.optional(QueueItemContext),
});
export type QueueItemView = z.infer<typeof QueueItemView>;

/** Most comments of a conversation the dashboard is sent at once. */
export const MAX_CONVERSATION = 200;

/** A queue item's conversation, every comment in every state, oldest first ("show thread"). */
export const ModeratorConversation = z.object({
  rootId: z.string(),
  comments: z.array(
    z.object({
      id: z.string(),
      parentId: z.nullable(z.string()),
      depth: z.number(),
      authorName: z.string(),
      body: z.string(),
      state: CommentState,
      createdAt: z.number(),
    }),
  ),
  /** More than MAX_CONVERSATION comments: the oldest are sent, and the one asked about. */
  truncated: z.boolean(),
});
export type ModeratorConversation = z.infer<typeof ModeratorConversation>;

/** The counts, of the whole site or of one thread. */
export const QueueCountsQuery = z.object({ threadId: z.optional(Id) });
export const QueueCounts = z.object({ pending: z.number(), reported: z.number(), rejected: z.number(), recent: z.number() });
export type QueueCounts = z.infer<typeof QueueCounts>;
/** The banner's poll: comments newer than the list under its filters, and every queue's count. */
export const QueueNewerResponse = z.object({ newer: z.number(), counts: QueueCounts });
export type QueueNewerResponse = z.infer<typeof QueueNewerResponse>;

export const QueueResponse = z.object({
  items: z.array(QueueItemView),
  nextCursor: z.nullable(z.string()),
  counts: QueueCounts,
  /** How many comments this queue holds under these filters: the N of "select all N matching". */
  matching: z.number(),
  /** The server's time when the page was read: the banner asks for what came in after it (the moderator's clock may differ). */
  asOf: z.number(),
});
export type QueueResponse = z.infer<typeof QueueResponse>;

export const REJECT_REASONS = ['personal_attack', 'fear_anger', 'spam', 'off_topic', 'abusive', 'other'] as const;
export const COMMENT_ACTIONS = ['approve', 'reject', 'feature', 'unfeature', 'delete'] as const;
export const CommentAction = z.enum(COMMENT_ACTIONS);
export const CommentActionBody = z.strictObject({
  action: CommentAction,
  /** Required with reject. */
  reason: z.optional(z.enum(REJECT_REASONS)),
});
export type CommentActionBody = z.infer<typeof CommentActionBody>;

/** Most comments one bulk request may name: the dashboard splits a larger selection, or acts by filter. */
export const BULK_MAX_IDS = 100;
export const BulkCommentActionBody = z.strictObject({
  ids: z.array(Id).check(z.minLength(1), z.maxLength(BULK_MAX_IDS)),
  action: CommentAction,
  reason: z.optional(z.enum(REJECT_REASONS)),
});

/** Most comments one operation by filter may take on; beyond it the filter must be narrowed. */
export const BULK_FILTER_MAX = 50_000;
/** What a whole filtered queue may be given; featuring is chosen comment by comment. */
export const BULK_FILTER_ACTIONS = ['approve', 'reject', 'delete'] as const;
export const BulkOperationBody = z.strictObject({
  filter: z.strictObject(QueueFilter.shape),
  action: z.enum(BULK_FILTER_ACTIONS),
  /** Required with reject. */
  reason: z.optional(z.enum(REJECT_REASONS)),
});
export type BulkOperationBody = z.infer<typeof BulkOperationBody>;

/** `note` changes nothing: it records a moderator's note about the member in their history. */
export const USER_ACTIONS = ['ban', 'unban', 'suspend', 'unsuspend', 'premoderate', 'unpremoderate', 'note'] as const;
export const UserActionBody = z.strictObject({
  action: z.enum(USER_ACTIONS),
  /** With suspend: until when (ms since epoch), in the future. */
  until: z.optional(z.number().check(z.int(), z.gt(0))),
  note: z._default(z.string().check(z.maxLength(500)), ''),
});
export type UserActionBody = z.infer<typeof UserActionBody>;

export const THREAD_ACTIONS = ['close', 'reopen', 'premoderate', 'unpremoderate'] as const;
export const ThreadActionBody = z.strictObject({ action: z.enum(THREAD_ACTIONS) });

/** A page of the site's threads for moderators, newest first. */
export const ThreadsQuery = z.object({
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
});
export type ThreadsQuery = z.infer<typeof ThreadsQuery>;

/** A thread as moderators see it: what readers see of it, whether every comment is held, and what waits on whom. */
/** `autoClosed`: closed by its age under the site's autoClose setting, not by a moderator. */
export const ModeratedThread = z.extend(ThreadInfo, { autoClosed: z.optional(z.boolean()), premoderate: z.boolean(), createdAt: z.number(), pending: z.number(), rejected: z.number() });
export type ModeratedThread = z.infer<typeof ModeratedThread>;
export const ThreadsResponse = z.object({ threads: z.array(ModeratedThread), nextCursor: z.nullable(z.string()) });

/** One thread's comments in every state, newest first. */
export const ThreadReviewQuery = z.object({
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
});
export type ThreadReviewQuery = z.infer<typeof ThreadReviewQuery>;

/** `bulk`: an operation by filter, audited once for every comment it changed. */
export const TARGET_TYPES = ['comment', 'user', 'thread', 'settings', 'bulk'] as const;
export const TargetType = z.enum(TARGET_TYPES);
export type TargetType = z.infer<typeof TargetType>;

export const AuditEntry = z.object({
  id: z.string(),
  /** "user:<id>", "api-key", or "author:<id>" for changes a member made to their own comment. */
  actor: z.string(),
  actorName: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  /** One line naming what was done to what: "Rejected ‘You are all…’". */
  summary: z.string(),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
  detail: z.string(),
  createdAt: z.number(),
  undone: z.boolean(),
  /** The id of the action that undid this one. */
  undoneBy: z.optional(z.nullable(z.string())),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** What every moderator action answers with: its id (the handle for undo) and a line naming it. */
export const ActionSummary = z.object({
  id: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  summary: z.string(),
  actorName: z.string(),
  createdAt: z.number(),
});
export type ActionSummary = z.infer<typeof ActionSummary>;

/**
 * A bulk operation by filter and how far it has got. The comments it covers are fixed when it
 * starts; each request carries out one batch, so the client asks again (`run`) until it is done.
 */
export const BulkOperationView = z.object({
  id: z.string(),
  /** approve, reject or delete; `undo` for the operation that reverses another. */
  action: z.string(),
  reason: z.nullable(z.string()),
  filter: QueueFilter,
  status: z.enum(['running', 'done']),
  /** Comments it covers. */
  total: z.number(),
  /** Changed so far. */
  done: z.number(),
  /** Left as they were: decided by someone else meanwhile, or not this moderator's to decide. */
  skipped: z.number(),
  actorName: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** The one audit entry, once done: what undo names. */
  audit: z.nullable(ActionSummary),
  /** For an undo: the operation it reverses. */
  undoes: z.nullable(z.string()),
  /** The undo operation, once one started. */
  undoneBy: z.nullable(z.string()),
  /** Whether the moderator asking started it (a dashboard resumes its own unfinished operations). */
  mine: z.boolean(),
});
export type BulkOperationView = z.infer<typeof BulkOperationView>;
/** The site's operations by filter, unfinished ones by default (newest first). */
export const BulkOperationsQuery = z.object({
  status: z.optional(z.enum(['running', 'done'])),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
});
export const BulkOperationResponse = z.object({ operation: BulkOperationView });
export const BulkOperationList = z.object({ operations: z.array(BulkOperationView) });

export const CommentActionResponse = z.object({ item: QueueItemView, action: ActionSummary });
export const BulkCommentActionResponse = z.object({ items: z.array(QueueItemView), actions: z.array(ActionSummary) });
export const ThreadActionResponse = z.object({ thread: ThreadInfo, action: ActionSummary });
export const ThreadReviewResponse = z.object({ thread: ModeratedThread, items: z.array(QueueItemView), nextCursor: z.nullable(z.string()) });
export type ThreadReviewResponse = z.infer<typeof ThreadReviewResponse>;
export const UndoResponse = z.object({ undone: AuditEntry, action: ActionSummary });
export type UndoResponse = z.infer<typeof UndoResponse>;

export const AuditQuery = z.object({
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
  actor: z.optional(z.string().check(z.regex(/^(user|author):[a-z0-9_-]{1,64}$|^api-key$/i, 'must be user:<id>, author:<id> or api-key'))),
  targetType: z.optional(TargetType),
  targetId: z.optional(z.string().check(z.regex(/^[a-z0-9_-]{1,64}$/i, 'must be an id'))),
  action: z.optional(z.string().check(z.regex(/^[a-z_-]{1,40}$/, 'must be an action name'))),
  /** Entries at or after this time (ms since epoch). */
  since: z.optional(z.coerce.number().check(z.int(), z.gte(0))),
  /** Entries before this time. */
  until: z.optional(z.coerce.number().check(z.int(), z.gte(0))),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
export const AuditPage = z.object({ entries: z.array(AuditEntry), nextCursor: z.nullable(z.string()) });
export type AuditPage = z.infer<typeof AuditPage>;

export const UserHistory = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    tier: z.string(),
    role: z.string(),
    banned: z.boolean(),
    suspendedUntil: z.nullable(z.number()),
    alwaysPremoderate: z.boolean(),
  }),
  /** Comments by state (published counts what readers see, whoever published it), and reports against them: made, and upheld by a moderator's rejection. */
  counts: z.object({ published: z.number(), pending: z.number(), rejected: z.number(), deleted: z.number(), reported: z.number(), upheldReports: z.number() }),
  /** Their newest comments on the site, in every state, with the article each is on. */
  comments: z.array(
    z.object({ id: z.string(), body: z.string(), state: CommentState, createdAt: z.number(), threadId: z.string(), threadTitle: z.string(), threadUrl: z.string(), reports: z.number() }),
  ),
  /** Bans, suspensions, pre-moderation and notes about them, newest first; a note's text is the entry's detail. */
  actions: z.array(AuditEntry),
});
export type UserHistory = z.infer<typeof UserHistory>;
export const UserActionResponse = z.extend(UserHistory, { action: ActionSummary });

export const TryCommentBody = z.strictObject({
  body: z.string().check(z.maxLength(5000)),
  /** Rules to try instead of the saved ones. */
  settings: z.optional(ModerationSettingsSave),
  asNewMember: z._default(z.boolean(), false),
});
export const TryCommentResponse = z.object({
  verdict: z.enum(['published', 'pending', 'rejected', 'nudge', 'refused']),
  reasons: z.array(Reason),
  civility: z.object({ attack: z.number(), attackOther: z.optional(z.number()), fearAnger: z.number() }),
});
export type TryCommentResponse = z.infer<typeof TryCommentResponse>;

export const StatsResponse = z.object({
  days: z.array(z.object({ day: z.string(), total: z.number(), commenters: z.number(), held: z.number(), rejected: z.number() })),
  ruleHits: z.record(z.string(), z.number()),
  nudges: z.object({ shown: z.number(), postedAnyway: z.number(), revised: z.number() }),
  /** The ten articles with the most comments, and how many different members wrote them. */
  articles: z.array(z.object({ threadId: z.string(), title: z.string(), url: z.string(), comments: z.number(), commenters: z.number() })),
  /** How long comments waited for a moderator's first decision (p50, p90; null when none was decided), and what waits now. */
  moderation: z.object({
    decided: z.number(),
    p50Ms: z.nullable(z.number()),
    p90Ms: z.nullable(z.number()),
    pending: z.number(),
    oldestPendingMs: z.nullable(z.number()),
  }),
  /** Per rule, what became of the comments it stopped: moderators' rejections uphold it, their approvals overturn it. */
  rules: z.record(z.string(), z.object({ stopped: z.number(), approved: z.number(), rejected: z.number(), autoRejected: z.number(), waiting: z.number() })),
  /** Calls to action shown and clicked, per section, tier and kind, most shown first. */
  callsToAction: z.array(CtaStatsRow),
});
export type StatsResponse = z.infer<typeof StatsResponse>;

/** PUT /moderation/settings: the rules to save. */
export const ModerationSettingsBody = z.strictObject({ settings: ModerationSettingsSave });
// Answers carry the settings as stored, which may predate a check, so the form can show and fix them.
export const ModerationSettingsResponse = z.object({ settings: ModerationSettingsShown });
/** GET and PUT /moderation/site: the site as its Site page edits it. */
export const SiteEditResponse = z.object({ site: SiteEditView });
/** POST /moderation/site/api-key: the new key, shown this once. */
export const ApiKeyRotated = z.object({ apiKey: z.string(), action: ActionSummary });

export const ModeratorSession = z.object({
  siteId: z.string(),
  siteName: z.string(),
  name: z.string(),
  via: z.enum(['token', 'api-key']),
  /** Admins and the site owner (API key) may change the rules and the site's settings; moderators may not. */
  canEditRules: z.optional(z.boolean()),
});
export type ModeratorSession = z.infer<typeof ModeratorSession>;

/** A civility model a site may run: the shipped one, or one trained on its own decisions. */
export const CivilityModelInfo = z.object({
  /** null: the shipped model. */
  id: z.nullable(z.string()),
  name: z.string(),
  source: z.enum(['shipped', 'site']),
  createdAt: z.nullable(z.number()),
  /** The model's own calibrated thresholds (the rules use the site's settings). */
  thresholds: z.object({ attack: z.number(), fearAnger: z.number() }),
  /** What it measured when it was built: validation figures, and for a site's model the comparison that let it in. */
  figures: z.record(z.string(), z.unknown()),
});
export type CivilityModelInfo = z.infer<typeof CivilityModelInfo>;
/** The site's own model to run, or null for the shipped one. */
export const ActivateModelBody = z.strictObject({ id: z.nullable(Id) });
export const CivilityModelResponse = z.object({ active: CivilityModelInfo, models: z.array(CivilityModelInfo) });
export type CivilityModelResponse = z.infer<typeof CivilityModelResponse>;
/** PUT /moderation/model: the models now, and the audited switch. */
export const CivilityModelActivated = z.extend(CivilityModelResponse, { action: ActionSummary });
