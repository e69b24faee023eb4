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
const on = (enabled = true) => z._default(z.boolean(), enabled);
const int = (min: number, max: number, dflt: number) => z._default(z.number().check(z.int(), z.gte(min), z.lte(max)), dflt);
const share = (dflt: number) => z._default(z.number().check(z.gte(0), z.lte(1)), dflt);
// prefault runs `{}` through the object schema, so nested defaults fill in.
// Word lists compile into one obfuscation-aware matcher per list; 500 words keep that first
// compile well under a second.
const words = z._default(z.array(z.string().check(z.minLength(1), z.maxLength(60))).check(z.maxLength(500)), []);
const domains = z._default(z.array(z.string().check(z.regex(/^[a-z0-9.-]+$/i, 'must be a domain name'))).check(z.maxLength(500)), []);

export const ModerationSettings = z.object({
  /** Hold every new comment for review: 'off', or 'all' comments on the site. Threads can opt in on their own. */
  premoderation: z._default(z.enum(['off', 'all']), 'off'),
  /** Show hold-worthy findings to the author before posting, who may edit or post anyway. */
  nudge: on(true),
  rules: z.prefault(
    z.object({
      bodyLength: z.prefault(z.object({ enabled: on(), min: int(1, 5000, 2), max: int(10, 5000, 5000) }), {}),
      bannedWords: z.prefault(z.object({ enabled: on(), words }), {}),
      suspectWords: z.prefault(z.object({ enabled: on(), words }), {}),
      links: z.prefault(
        z.object({ enabled: on(), maxLinks: int(0, 50, 3), action: z._default(HoldOrReject, 'hold'), allowDomains: domains, denyDomains: domains }),
        {},
      ),
      shouting: z.prefault(z.object({ enabled: on(), threshold: share(0.7), minLetters: int(1, 1000, 24), action: z._default(HoldOrReject, 'hold') }), {}),
      // The author's last day of comments (at most 50) is what the service gathers, hence the bounds.
      repeatPost: z.prefault(z.object({ enabled: on(), windowSeconds: int(1, 86400, 86400), action: z._default(HoldOrReject, 'reject') }), {}),
      flooding: z.prefault(
        z.object({ enabled: on(), perUser: int(1, 50, 5), perIp: int(1, 10000, 30), windowSeconds: int(1, 3600, 60) }),
        {},
      ),
      newMember: z.prefault(z.object({ enabled: on(false), approvedNeeded: int(1, 100, 1) }), {}),
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
  externalScorer: z.prefault(
    z.object({
      enabled: on(false),
      url: z._default(z.string().check(z.maxLength(2048)), ''),
      /** Signs each request body: X-Parley-Signature: sha256=HMAC(secret, body). */
      secret: z._default(z.string().check(z.maxLength(200)), ''),
      timeoutMs: int(50, 10_000, 800),
      onFailure: z._default(z.enum(['fallback', 'hold']), 'fallback'),
      /**
       * The score at or above which the scorer's attack, fear/anger or spam score holds a comment.
       * Its own, not the civility rule's: those are calibrated for the built-in model only.
       */
      threshold: share(0.5),
      /** Lets the URL be http or a private address (a scorer on the publisher's network). Node only. */
      allowPrivateNetwork: on(false),
    }),
    {},
  ),
  reports: z.prefault(
    z.object({
      /** Reports that put a published comment in the reported queue (it stays visible). */
      toQueue: int(1, 100, 1),
      /** Reports that hide it until a moderator decides; 0 never hides. */
      toHide: int(0, 100, 0),
    }),
    {},
  ),
});
export type ModerationSettings = z.infer<typeof ModerationSettings>;
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
