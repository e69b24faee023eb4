import * as z from 'zod/mini';
import { CallToAction, GuidelinesDisplay } from './thread';
import { ModerationSettings, ModerationSettingsFields } from './moderation-settings';

const SectionId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a section id'));

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

/**
 * A site's settings. There is one length setting, so an old `maxLength` only ever tightens it.
 * `moderation` is the checked schema for what may be saved, or the field-by-field one for what
 * is stored (a site saved before a check was added must still load).
 */
function siteSettings(moderation: typeof ModerationSettingsFields) {
  const fields = z.object({
    /** 'auto' follows the host page's declared color-scheme; a page's data-theme overrides either. */
    theme: z._default(z.enum(['auto', 'light', 'dark']), 'auto'),
    guidelinesDisplay: z._default(GuidelinesDisplay, 'open'),
    /** Where a member signs in (again, after a session expires); relative links mean the host page's site. */
    signInUrl: z.optional(z.string().check(z.maxLength(2048))),
    /** Overrides of the widget's English strings, by catalogue key; unknown keys are refused. */
    strings: z._default(z.record(z.string().check(z.regex(/^[a-z][a-zA-Z0-9._]*$/, 'must be a string key')), z.string().check(z.maxLength(500))), {}),
    editWindowSeconds: z._default(z.number().check(z.int(), z.gte(0), z.lte(7 * 24 * 3600)), 900),
    /** Older documents' length limit; it is folded into the one length setting, `moderation.rules.bodyLength.max`. */
    maxLength: z.optional(z.number().check(z.int(), z.gte(10), z.lte(5000))),
    /**
     * 'lazy': a thread is created the first time a page under an allowed origin asks for it.
     * 'api': only threads registered through the site API exist (strict: the section of every
     * page is then set by the publisher's server, never by what a browser sends).
     */
    threadCreation: z._default(z.enum(['lazy', 'api']), 'lazy'),
    /** How much one member or one address may do, beside the moderation rules' flooding limits. */
    rateLimits: z.prefault(RateLimits, {}),
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

function siteConfig(settings: typeof SiteSettings) {
  return z.object({
    id: z.string(),
    name: z.string(),
    allowedOrigins: z.array(z.string()),
    sso: SsoConfig,
    policy: EntitlementPolicy,
    guidelines: z.string(),
    callsToAction: z.object({
      guest: CallToAction,
      /** For members whose tier cannot comment here; a tier listed in upgradeByTier gets its own. */
      upgrade: CallToAction,
      upgradeByTier: z.optional(z.record(z.string(), CallToAction)),
    }),
    settings,
  });
}

/** A site as the CLI and the API write it. */
export const SiteConfig = siteConfig(SiteSettings);
/** A site as the store reads it back: its moderation settings checked field by field only. */
export const StoredSiteConfig = siteConfig(siteSettings(ModerationSettingsFields));
export type SiteConfig = z.infer<typeof SiteConfig>;
