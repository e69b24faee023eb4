import * as z from 'zod/mini';
import { HttpUrl, Id, Role, Sort, TokenState } from './common';
import { CommentView } from './comment';

export { TOKEN_STATES, TokenState } from './common';

/** Open above the composer (the default), folded, or shown open until the reader's first comment. */
export const GUIDELINES_DISPLAYS = ['open', 'collapsed', 'before-first-comment'] as const;
export const GuidelinesDisplay = z.enum(GUIDELINES_DISPLAYS);

/** An invitation: a sentence, its main link, and optionally a quieter second one ("Already a member? Sign in"). */
export const CallToAction = z.object({
  text: z.string(),
  linkText: z.string(),
  url: z.string(),
  secondary: z.optional(z.object({ prompt: z.optional(z.string()), linkText: z.string(), url: z.string() })),
});
export type CallToAction = z.infer<typeof CallToAction>;

export const ThreadInfo = z.object({
  id: Id,
  url: z.string(),
  title: z.string(),
  section: z.string(),
  closed: z.boolean(),
  commentCount: z.number(),
});

export const ViewerInfo = z.object({
  signedIn: z.boolean(),
  userId: z.nullable(z.string()),
  name: z.nullable(z.string()),
  role: z.nullable(Role),
  canComment: z.boolean(),
  /** Why the viewer cannot comment: an error code such as not_signed_in or tier_not_allowed_here. */
  reason: z.nullable(z.string()),
  callToAction: z.nullable(CallToAction),
  /**
   * What became of the token the request carried: none sent, accepted, expired, not verifiable
   * (bad signature, malformed, too long-lived), or made for another site. Anything but `valid`
   * and `none` is a member whose sign-in needs renewing, never a guest to invite.
   */
  session: TokenState,
  /** With reason banned or suspended: until when (suspensions), and the moderator's note to the member, if any. */
  standing: z.optional(z.object({ until: z.nullable(z.number()), note: z.string() })),
  /** True when the member may be mailed (the token carries an address and the site sends mail): notifications are offered. */
  mail: z.optional(z.boolean()),
});
export type ViewerInfo = z.infer<typeof ViewerInfo>;

export const SiteInfo = z.object({
  name: z.string(),
  guidelines: z.string(),
  guidelinesDisplay: GuidelinesDisplay,
  /** Where a member whose session expired signs in again; null when the site gave none. */
  signInUrl: z.nullable(z.string()),
  /** The site's own wording for the widget's strings, by catalogue key (see shared/strings.ts). */
  strings: z.record(z.string(), z.string()),
  /** 'auto' follows the host page's declared color-scheme (light unless it declares dark). */
  theme: z.enum(['auto', 'light', 'dark']),
  editWindowSeconds: z.number(),
  maxLength: z.number(),
});

export const ThreadView = z.object({
  thread: ThreadInfo,
  viewer: ViewerInfo,
  site: SiteInfo,
  sort: Sort,
  comments: z.array(CommentView),
  nextCursor: z.nullable(z.string()),
});
export type ThreadView = z.infer<typeof ThreadView>;

export const ThreadQuery = z.object({
  url: HttpUrl,
  /** The publisher's own identifier for the page, when the URL may change. */
  pageId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  title: z.optional(z.string().check(z.maxLength(300))),
  sort: z._default(Sort, 'newest'),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 20),
});
export type ThreadQuery = z.infer<typeof ThreadQuery>;

// Query strings repeat a key for several values (?url=a&url=b) and give a plain string for one.
const OneOrMany = z.pipe(
  z.union([z.string().check(z.minLength(1), z.maxLength(2048)), z.array(z.string().check(z.minLength(1), z.maxLength(2048)))]),
  z.transform((v: string | string[]) => (Array.isArray(v) ? v : [v])),
);
export const CountsQuery = z.object({ url: z.optional(OneOrMany), pageId: z.optional(OneOrMany) }).check(
  z.refine((q) => {
    const n = (q.url?.length ?? 0) + (q.pageId?.length ?? 0);
    return n >= 1 && n <= 100;
  }, 'give between 1 and 100 url or pageId values'),
);
export type CountsQuery = z.infer<typeof CountsQuery>;
export const CountsResponse = z.object({ counts: z.record(z.string(), z.number()) });

/** Site API: register or update a thread; the section set here wins over the URL rules. */
export const UpsertThreadBody = z.strictObject({
  url: HttpUrl,
  pageId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  title: z.optional(z.string().check(z.maxLength(300))),
  section: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a section id'))),
  closed: z.optional(z.boolean()),
  /** When the article was published (ms since the epoch): where `settings.autoClose` counts from. */
  publishedAt: z.optional(z.number().check(z.int(), z.gte(0))),
});
export type UpsertThreadBody = z.infer<typeof UpsertThreadBody>;
export const ThreadResponse = z.object({ thread: ThreadInfo });
