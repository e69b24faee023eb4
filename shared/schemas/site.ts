import * as z from 'zod/mini';
import { CallToAction, GuidelinesDisplay } from './thread';
import { ModerationSettings, ModerationSettingsFields } from './moderation-settings';
import { MailSettings } from './mail';

const SectionId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a section id'));

/** Whether a text is an origin and nothing more: http(s), a host, maybe a port; no path, query or user. */
function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text.replace(/\/$/, '').toLowerCase();
  } catch {
    return false;
  }
}
/** An origin whose pages may embed the widget, checked when saved (a stored site loads as it is). */
export const Origin = z.string().check(z.refine(isOrigin, 'must be an origin such as https://news.example.com: a scheme and a host, no path'));

/**
 * Which tiers may comment where. Sections come from URL rules applied to a thread's canonical
 * URL (first match wins) or from the site API, never from the browser.
 */
export const EntitlementPolicy = z.object({
  defaultSection: SectionId,
  sectionRules: z.array(z.object({ section: SectionId, pathPrefix: z.string().check(z.regex(/^\//, 'must start with /')) })),
  /** tier → sections it may comment in; "*" means everywhere. Tiers not listed may only read. */
  tiers: z.record(z.string(), z.array(z.string())),
});
export type EntitlementPolicy = z.infer<typeof EntitlementPolicy>;

export const SsoConfig = z.object({
  /** HS256 shared secret (at least 32 characters). */
  hs256Secret: z.optional(z.string().check(z.minLength(32, 'must be at least 32 characters'))),
  /** RS256/ES256 public key as SPKI PEM. */
  publicKeyPem: z.optional(z.string()),
  /** RS256/ES256 keys from a JWKS endpoint. */
  jwksUrl: z.optional(z.string().check(z.regex(/^https?:\/\//, 'must be an http(s) URL'))),
  issuer: z.optional(z.string()),
  /** Longest a token may live, from its issue (or from now, without iat) to its expiry; default 24 h. */
  maxTokenLifetimeSeconds: z.optional(z.number().check(z.int(), z.gte(60), z.lte(30 * 24 * 3600))),
});
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;
export type SsoConfig = z.infer<typeof SsoConfig>;

const limit = (max: number, fallback: number) => z._default(z.number().check(z.int(), z.gte(1), z.lte(max)), fallback);

/** Fixed windows, counted in the database so every instance shares them. 429 with Retry-After past them. */
export const RateLimits = z.object({
  /** Writes (comment, edit, delete, like, report) by one member, per minute. */
  memberWritesPerMinute: limit(10_000, 60),
  /** Writes from one address, per minute (members behind one network share it). */
  addressWritesPerMinute: limit(100_000, 600),
  /** Threads one address may make appear by opening pages that have none yet, per hour. */
  addressNewThreadsPerHour: limit(100_000, 100),
  /** Tokens from one address that fail verification, per minute; past it tokens are not even checked. */
  addressTokenFailuresPerMinute: limit(10_000, 30),
  /** Calls-to-action events (shown, clicked) the reader widget reports from one address, per minute. */
  addressCtaEventsPerMinute: limit(100_000, 60),
});
export type RateLimits = z.infer<typeof RateLimits>;

export const AUTO_CLOSE_FROM = ['published', 'firstComment'] as const;
const Days = z.number().check(z.int(), z.gte(1), z.lte(3650));

/**
 * Threads older than `afterDays` take no new comments, counted from the article's publication (as
 * the site API registered it, else when the thread was made) or from its first comment. A section
 * may have its own number of days, or null to never close. No `afterDays` and no section entry: off.
 */
export const AutoClose = z.object({
  afterDays: z.optional(Days),
  from: z._default(z.enum(AUTO_CLOSE_FROM), 'published'),
  bySection: z._default(z.record(SectionId, z.object({ afterDays: z.nullable(Days) })), {}),
});
export type AutoClose = z.infer<typeof AutoClose>;

/** The settings a site's admins edit on the Site page; `moderation` is the Rules tab's. In parentheses, as the widget build wraps it in an arrow. */
const settingsFields = ({
  /** 'auto' follows the host page's declared color-scheme; a page's data-theme overrides either. */
  theme: z._default(z.enum(['auto', 'light', 'dark']), 'auto'),
  guidelinesDisplay: z._default(GuidelinesDisplay, 'open'),
  /** Where a member signs in (again, after a session expires); relative links mean the host page's site. */
  signInUrl: z.optional(z.string().check(z.maxLength(2048))),
  /** Overrides of the widget's English strings, by catalogue key; unknown keys are refused. */
  strings: z._default(z.record(z.string().check(z.regex(/^[a-z][a-zA-Z0-9._]*$/, 'must be a string key')), z.string().check(z.maxLength(500))), {}),
  editWindowSeconds: z._default(z.number().check(z.int(), z.gte(0), z.lte(7 * 24 * 3600)), 900),
  /**
   * 'lazy': a thread is created the first time a page under an allowed origin asks for it.
   * 'api': only threads registered through the site API exist (strict: the section of every
   * page is then set by the publisher's server, never by what a browser sends).
   */
  threadCreation: z._default(z.enum(['lazy', 'api']), 'lazy'),
  /** How much one member or one address may do, beside the moderation rules' flooding limits. */
  rateLimits: z.prefault(RateLimits, {}),
  autoClose: z.prefault(AutoClose, {}),
  /** Reply notices and the like to members who opt in, alerts and digests to moderators. */
  mail: z.prefault(MailSettings, {}),
  /** What erasing a member does to their comments: 'remove' the text (tombstones keep replies in place), or 'anonymise' the author. */
  erasure: z._default(z.enum(['remove', 'anonymise']), 'remove'),
});

/**
 * A site's settings. There is one length setting, so an old `maxLength` only ever tightens it.
 * `moderation` is the checked schema for what may be saved, or the field-by-field one for what
 * is stored (a site saved before a check was added must still load).
 */
function siteSettings(moderation: typeof ModerationSettingsFields) {
  const fields = z.object({
    ...settingsFields,
    /** Older documents' length limit; it is folded into the one length setting, `moderation.rules.bodyLength.max`. */
    maxLength: z.optional(z.number().check(z.int(), z.gte(10), z.lte(5000))),
    moderation: z.prefault(moderation, {}),
  });
  return z.pipe(
    fields,
    z.transform(({ maxLength, ...settings }: z.infer<typeof fields>) => {
      const bodyLength = settings.moderation.rules.bodyLength;
      if (maxLength === undefined || maxLength >= bodyLength.max) return settings;
      const rules = { ...settings.moderation.rules, bodyLength: { ...bodyLength, max: maxLength } };
      return { ...settings, moderation: { ...settings.moderation, rules } };
    }),
  );
}

export const SiteSettings = siteSettings(ModerationSettings);
export type SiteSettings = z.infer<typeof SiteSettings>;

const CallsToAction = z.object({
  guest: CallToAction,
  /** For members whose tier cannot comment here; a tier listed in upgradeByTier gets its own. */
  upgrade: CallToAction,
  upgradeByTier: z.optional(z.record(z.string(), CallToAction)),
});

function siteConfig(settings: typeof SiteSettings, origin: z.ZodMiniString) {
  return z.object({
    id: z.string(),
    name: z.string(),
    allowedOrigins: z.array(origin),
    sso: SsoConfig,
    policy: EntitlementPolicy,
    guidelines: z.string(),
    callsToAction: CallsToAction,
    settings,
  });
}

/** A site as the CLI and the API write it. */
export const SiteConfig = siteConfig(SiteSettings, Origin);
/** A site as the store reads it back: its moderation settings checked field by field only, its origins as they were saved. */
export const StoredSiteConfig = siteConfig(siteSettings(ModerationSettingsFields), z.string());
export type SiteConfig = z.infer<typeof SiteConfig>;

/**
 * A site as the Site page (`PUT /moderation/site`) sends it: the site file without its id and
 * without `settings.moderation`, which the Rules tab owns. The HS256 secret is write-only: a new
 * one replaces it, null removes it, leaving it out keeps it; `hs256SecretSet` (what the page was
 * shown) is ignored. Every other field left out is removed, as in a site file.
 */
export const EditableSite = z.strictObject({
  name: z.string().check(z.minLength(1, 'is required'), z.maxLength(200)),
  allowedOrigins: z.array(Origin),
  sso: z.strictObject({
    ...SsoConfig.shape,
    hs256Secret: z.optional(z.nullable(SsoConfig.shape.hs256Secret.def.innerType)),
    hs256SecretSet: z.optional(z.boolean()),
  }),
  policy: EntitlementPolicy,
  guidelines: z.string(),
  callsToAction: CallsToAction,
  settings: z.strictObject(settingsFields),
});
export type EditableSite = z.infer<typeof EditableSite>;

const { hs256Secret: _secret, ...publicSso } = SsoConfig.shape;

/** What `GET /moderation/site` shows: the editable site with the HS256 secret only as whether one is set. */
export const SiteEditView = z.object({
  ...EditableSite.shape,
  sso: z.object({ ...publicSso, hs256SecretSet: z.boolean() }),
});
export type SiteEditView = z.infer<typeof SiteEditView>;
