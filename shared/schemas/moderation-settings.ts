import * as z from 'zod/mini';

// Per-site moderation rules. Every rule can be switched off; where both make sense its action
// is `hold` (to the review queue) or `reject`. Defaults suit a subscription news site.

const HoldOrReject = z.enum(['hold', 'reject']);

/**
 * The civility model's calibrated default thresholds, chosen on its validation split when the
 * model is built (server/moderation/civility/README.md gives precision and recall at them). The
 * shipped model file carries the same numbers, and a test keeps the two equal.
 */
export const CIVILITY_DEFAULT_THRESHOLDS = { attack: 0.734, fearAnger: 0.496 } as const;

/** A whole-number setting's bounds and default. */
export interface IntLimit {
  min: number;
  max: number;
  default: number;
}

/**
 * Every whole-number setting's bounds and default, by its path in the settings: the schema checks
 * them and the dashboard's inputs show them, so the two cannot disagree.
 */
export const MODERATION_LIMITS = {
  rules: {
    bodyLength: { min: { min: 1, max: 5000, default: 2 }, max: { min: 10, max: 5000, default: 5000 } },
    links: { maxLinks: { min: 0, max: 50, default: 3 } },
    shouting: { minLetters: { min: 1, max: 1000, default: 24 } },
    // The author's last day of comments (at most 50) is what the service gathers, hence the bounds.
    repeatPost: { windowSeconds: { min: 1, max: 86400, default: 86400 } },
    flooding: {
      perUser: { min: 1, max: 50, default: 5 },
      perIp: { min: 1, max: 10000, default: 30 },
      windowSeconds: { min: 1, max: 3600, default: 60 },
    },
    newMember: { approvedNeeded: { min: 1, max: 100, default: 1 } },
  },
  externalScorer: { timeoutMs: { min: 50, max: 10_000, default: 800 } },
  reports: { toQueue: { min: 1, max: 100, default: 1 }, toHide: { min: 0, max: 100, default: 0 } },
} as const satisfies Record<string, Record<string, IntLimit | Record<string, IntLimit>>>;

/** Thresholds are shares (scores, the share of capitals) from 0 to 1; a saved one must be above 0. */
export const SHARE_LIMITS = { min: 0, max: 1 } as const;

/**
 * Word lists compile into one obfuscation-aware matcher per list; 500 words keep that first
 * compile well under a second. Domain lists have the same length limit.
 */
export const LIST_LIMITS = { entries: 500, wordLength: 60 } as const;

const on = (enabled = true) => z._default(z.boolean(), enabled);
const int = (limit: IntLimit) => z._default(z.number().check(z.int(), z.gte(limit.min), z.lte(limit.max)), limit.default);
const share = (dflt: number) => z._default(z.number().check(z.gte(SHARE_LIMITS.min), z.lte(SHARE_LIMITS.max)), dflt);
// prefault runs `{}` through the object schema, so nested defaults fill in.
const words = z._default(z.array(z.string().check(z.minLength(1), z.maxLength(LIST_LIMITS.wordLength))).check(z.maxLength(LIST_LIMITS.entries)), []);
const domains = z._default(z.array(z.string().check(z.regex(/^[a-z0-9.-]+$/i, 'must be a domain name'))).check(z.maxLength(LIST_LIMITS.entries)), []);
const L = MODERATION_LIMITS;

/** Signs each request body: X-Parley-Signature: sha256=HMAC(secret, body). */
const scorerSecret = z.string().check(z.maxLength(200));
/** The external scorer's settings but its secret, which the moderator API writes and never reads back. */
const ScorerFields = z.object({
  enabled: on(false),
  url: z._default(z.string().check(z.maxLength(2048)), ''),
  timeoutMs: int(L.externalScorer.timeoutMs),
  onFailure: z._default(z.enum(['fallback', 'hold']), 'fallback'),
  /**
   * The score at or above which the scorer's attack, fear/anger or spam score holds a comment.
   * Its own, not the civility rule's: those are calibrated for the built-in model only.
   */
  threshold: share(0.5),
  /** Lets the URL be http or a private address (a scorer on the publisher's network). Node only. */
  allowPrivateNetwork: on(false),
});

/**
 * The settings field by field, each within its own limits: what a stored site holds, and what
 * the API answers with. Saving goes through `ModerationSettings`, which also checks the fields
 * against each other; a site stored before those checks still loads, and can be fixed.
 */
export const ModerationSettingsFields = z.object({
  /** Hold every new comment for review: 'off', or 'all' comments on the site. Threads can opt in on their own. */
  premoderation: z._default(z.enum(['off', 'all']), 'off'),
  /** Show hold-worthy findings to the author before posting, who may edit or post anyway. */
  nudge: on(true),
  rules: z.prefault(
    z.object({
      bodyLength: z.prefault(z.object({ enabled: on(), min: int(L.rules.bodyLength.min), max: int(L.rules.bodyLength.max) }), {}),
      bannedWords: z.prefault(z.object({ enabled: on(), words }), {}),
      suspectWords: z.prefault(z.object({ enabled: on(), words }), {}),
      links: z.prefault(
        z.object({ enabled: on(), maxLinks: int(L.rules.links.maxLinks), action: z._default(HoldOrReject, 'hold'), allowDomains: domains, denyDomains: domains }),
        {},
      ),
      shouting: z.prefault(z.object({ enabled: on(), threshold: share(0.7), minLetters: int(L.rules.shouting.minLetters), action: z._default(HoldOrReject, 'hold') }), {}),
      repeatPost: z.prefault(z.object({ enabled: on(), windowSeconds: int(L.rules.repeatPost.windowSeconds), action: z._default(HoldOrReject, 'reject') }), {}),
      flooding: z.prefault(
        z.object({ enabled: on(), perUser: int(L.rules.flooding.perUser), perIp: int(L.rules.flooding.perIp), windowSeconds: int(L.rules.flooding.windowSeconds) }),
        {},
      ),
      newMember: z.prefault(z.object({ enabled: on(false), approvedNeeded: int(L.rules.newMember.approvedNeeded) }), {}),
      civility: z.prefault(
        z.object({
          enabled: on(),
          // Scores are calibrated probabilities. Attacks on members of the conversation are what the
          // guidelines name; attacks on others (the author, the publication, public figures) are
          // only acted on when a site switches that on, with its own threshold.
          attackThreshold: share(CIVILITY_DEFAULT_THRESHOLDS.attack),
          attackOther: z.prefault(z.object({ enabled: on(false), threshold: share(CIVILITY_DEFAULT_THRESHOLDS.attack) }), {}),
          fearAngerThreshold: share(CIVILITY_DEFAULT_THRESHOLDS.fearAnger),
          action: z._default(z.enum(['nudge', 'hold', 'reject']), 'hold'),
        }),
        {},
      ),
    }),
    {},
  ),
  /**
   * The site's own scorer (an LLM, a model of its own): called with each new comment under a
   * strict timeout; its scores become one more rule. When it fails or times out, 'fallback'
   * relies on the built-in classifier alone and 'hold' sends the comment to review.
   */
  externalScorer: z.prefault(z.extend(ScorerFields, { secret: z._default(scorerSecret, '') }), {}),
  reports: z.prefault(
    z.object({
      /** Reports that put a published comment in the reported queue (it stays visible). */
      toQueue: int(L.reports.toQueue),
      /** Reports that hide it until a moderator decides; 0 never hides. */
      toHide: int(L.reports.toHide),
    }),
    {},
  ),
});
type Fields = z.infer<typeof ModerationSettingsFields>;
type Problem = { path: string[]; message: string };

/**
 * Settings that pass field by field and still cannot work: a shortest comment longer than the
 * longest refuses every comment, a threshold of 0 holds every one. Only rules that are on are
 * checked; a rule switched off may keep any values within its fields' limits. It reads values
 * that may have failed their own checks (so a form shows every problem at once), and skips a
 * comparison whose values are not there.
 */
export function conflictingSettings(settings: unknown): Problem[] {
  const at = (path: string): unknown =>
    path.split('.').reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), settings);
  const num = (path: string) => {
    const v = at(path);
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  };
  const isOn = (rule: string) => at(`${rule}.enabled`) === true;
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path: path.split('.'), message });

  const [min, max] = [num('rules.bodyLength.min'), num('rules.bodyLength.max')];
  if (isOn('rules.bodyLength') && min !== undefined && max !== undefined && min > max) add('rules.bodyLength.min', `must be at most the longest length, ${max}`);

  const [toQueue, toHide] = [num('reports.toQueue'), num('reports.toHide')];
  if (toQueue !== undefined && toHide !== undefined && toHide !== 0 && toHide < toQueue) {
    add('reports.toHide', `must be 0 (never hide) or at least the reports to queue, ${toQueue}`);
  }

  const [allow, deny] = [at('rules.links.allowDomains'), at('rules.links.denyDomains')];
  if (isOn('rules.links') && Array.isArray(allow) && Array.isArray(deny)) {
    const allowed = new Set(allow.filter((d) => typeof d === 'string').map(domainKey));
    const both = deny.find((d) => typeof d === 'string' && allowed.has(domainKey(d)));
    if (both) add('rules.links.denyDomains', `${domainKey(both)} is also on the always allowed list`);
  }

  const thresholds: [on: boolean, path: string][] = [
    [isOn('rules.shouting'), 'rules.shouting.threshold'],
    [isOn('rules.civility'), 'rules.civility.attackThreshold'],
    [isOn('rules.civility'), 'rules.civility.fearAngerThreshold'],
    [isOn('rules.civility') && isOn('rules.civility.attackOther'), 'rules.civility.attackOther.threshold'],
    [isOn('externalScorer'), 'externalScorer.threshold'],
  ];
  for (const [on, path] of thresholds) {
    const v = num(path);
    if (on && v !== undefined && v <= 0) add(path, 'must be above 0 (at 0 every comment would count)');
  }
  return problems;
}

const domainKey = (domain: string) => domain.toLowerCase().replace(/^\.+|\.+$/g, '');

/** What may be saved: every field within its limits, and the fields consistent with each other. */
function addConflicts(settings: object, ctx: z.core.$RefinementCtx<object>): void {
  for (const p of conflictingSettings(settings)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message, input: settings });
}
// Also when a field failed its own check, so every problem is told at once.
const EVEN_IF_FIELDS_FAILED = { when: () => true };
export const ModerationSettings = ModerationSettingsFields.check(z.superRefine(addConflicts, EVEN_IF_FIELDS_FAILED));
export type ModerationSettings = Fields;

/**
 * What a save through the moderator API sends. The scorer's secret is write-only: left out, the
 * site's stays as it is; null removes it; a string replaces it.
 */
export const ModerationSettingsSave = z.extend(ModerationSettingsFields, {
  externalScorer: z.prefault(z.extend(ScorerFields, { secret: z.optional(z.nullable(scorerSecret)) }), {}),
}).check(z.superRefine(addConflicts, EVEN_IF_FIELDS_FAILED));
export type ModerationSettingsSave = z.infer<typeof ModerationSettingsSave>;

/** The settings as the moderator API shows them: whether a scorer secret is set, never what it is. */
export const ModerationSettingsShown = z.extend(ModerationSettingsFields, {
  externalScorer: z.prefault(z.extend(ScorerFields, { secretSet: z._default(z.boolean(), false) }), {}),
});
export type ModerationSettingsShown = z.infer<typeof ModerationSettingsShown>;
export type RuleSettings = ModerationSettings['rules'];

export const RULE_IDS = [
  'signed-in',
  'user-status',
  'thread-closed',
  'tier-section',
  'body-length',
  'flooding',
  'staff-approve',
  'banned-words',
  'repeat-post',
  'links',
  'suspect-words',
  'shouting',
  'civility',
  'external-scorer',
  'premoderation',
  'new-member',
  'user-premoderation',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Why a comment was held, rejected or nudged: machine-readable, for the queue and the author. */
export const Reason = z.object({
  ruleId: z.string(),
  message: z.string(),
  /** Character offsets into the comment body. */
  spans: z.array(z.object({ start: z.number(), end: z.number(), label: z.optional(z.string()) })),
  score: z.optional(z.number()),
});
export type Reason = z.infer<typeof Reason>;
