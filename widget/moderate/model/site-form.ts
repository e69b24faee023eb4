// The Site page's form as data: the site as GET /moderation/site shows it, turned into rows a form
// can edit (a tier, a section rule, a string override per row), and back into what PUT sends.
// What the page does not show (rate limits, edit window, thread creation) goes back as it came.
import type { CallToAction } from '../../../shared/schemas/thread';
import type { AUTO_CLOSE_FROM, SiteEditView } from '../../../shared/schemas/site';

export type AutoCloseFrom = (typeof AUTO_CLOSE_FROM)[number];

export interface TierRow {
  tier: string;
  /** The sections it may comment in, as typed: "news, newsletter", or "*" for everywhere. */
  sections: string;
}
export interface SectionRuleRow {
  section: string;
  pathPrefix: string;
}
export interface TierInvitationRow {
  tier: string;
  cta: CallToAction;
}
export interface SectionCloseRow {
  section: string;
  /** null: threads in this section never close by age. */
  afterDays: number | null;
}
export interface StringRow {
  key: string;
  value: string;
}

/** The site's e-mail settings (settings.mail) as the form edits them; an empty number is none. */
export interface MailForm {
  enabled: boolean;
  /** Empty: the server's MAIL_FROM. */
  from: string;
  replyNoticeMinutes: number | null;
  moderatorEmails: string[];
  alertPending: number | null;
  alertOldestMinutes: number | null;
  /** The hour (UTC) of the moderators' daily digest; null sends none. */
  digestHourUtc: number | null;
  dashboardUrl: string;
}

/** The settings the page's own fields edit. */
type EditedSetting = 'theme' | 'guidelinesDisplay' | 'signInUrl' | 'strings' | 'autoClose' | 'mail';

export interface SiteForm {
  name: string;
  origins: string[];
  sso: {
    /** Whether the site has an HS256 secret now; the secret itself is never shown. */
    secretSet: boolean;
    /** A new secret to replace it; empty keeps it. */
    newSecret: string;
    removeSecret: boolean;
    publicKeyPem: string;
    jwksUrl: string;
    issuer: string;
    maxTokenLifetimeSeconds: number | null;
  };
  signInUrl: string;
  guidelines: string;
  guidelinesDisplay: SiteEditView['settings']['guidelinesDisplay'];
  guest: CallToAction;
  upgrade: CallToAction;
  upgradeByTier: TierInvitationRow[];
  defaultSection: string;
  sectionRules: SectionRuleRow[];
  tiers: TierRow[];
  theme: SiteEditView['settings']['theme'];
  strings: StringRow[];
  autoClose: { on: boolean; afterDays: number | null; from: AutoCloseFrom; bySection: SectionCloseRow[] };
  mail: MailForm;
  /** Every setting this page does not show, sent back as it was (a setting added later included). */
  kept: Omit<SiteEditView['settings'], EditedSetting>;
}

/** A tier's sections as typed, in the order given: commas or spaces between them. */
export const sectionList = (text: string) => text.split(/[\s,]+/).filter(Boolean);

export function toForm(site: SiteEditView): SiteForm {
  const { sso, settings, policy, callsToAction } = site;
  const { autoClose, mail } = settings;
  const { theme: _theme, guidelinesDisplay: _display, signInUrl: _signIn, strings: _strings, autoClose: _autoClose, mail: _mail, ...kept } = settings;
  return {
    name: site.name,
    origins: site.allowedOrigins,
    sso: {
      secretSet: sso.hs256SecretSet,
      newSecret: '',
      removeSecret: false,
      publicKeyPem: sso.publicKeyPem ?? '',
      jwksUrl: sso.jwksUrl ?? '',
      issuer: sso.issuer ?? '',
      maxTokenLifetimeSeconds: sso.maxTokenLifetimeSeconds ?? null,
    },
    signInUrl: settings.signInUrl ?? '',
    guidelines: site.guidelines,
    guidelinesDisplay: settings.guidelinesDisplay,
    guest: callsToAction.guest,
    upgrade: callsToAction.upgrade,
    upgradeByTier: Object.entries(callsToAction.upgradeByTier ?? {}).map(([tier, cta]) => ({ tier, cta })),
    defaultSection: policy.defaultSection,
    sectionRules: policy.sectionRules,
    tiers: Object.entries(policy.tiers).map(([tier, sections]) => ({ tier, sections: sections.join(', ') })),
    theme: settings.theme,
    strings: Object.entries(settings.strings).map(([key, value]) => ({ key, value })),
    autoClose: {
      on: autoClose.afterDays !== undefined,
      afterDays: autoClose.afterDays ?? null,
      from: autoClose.from,
      bySection: Object.entries(autoClose.bySection).map(([section, { afterDays }]) => ({ section, afterDays })),
    },
    mail: {
      enabled: mail.enabled,
      from: mail.from ?? '',
      replyNoticeMinutes: mail.replyNoticeMinutes,
      moderatorEmails: mail.moderatorEmails,
      alertPending: mail.queueAlert?.pending ?? null,
      alertOldestMinutes: mail.queueAlert?.oldestMinutes ?? null,
      digestHourUtc: mail.digestHourUtc ?? null,
      dashboardUrl: mail.dashboardUrl ?? '',
    },
    kept,
  };
}

/** Rows keyed by their name; the name trimmed, as it is stored. */
function record<R, V>(rows: R[], key: (r: R) => string, value: (r: R) => V): Record<string, V> {
  return Object.fromEntries(rows.map((r) => [key(r).trim(), value(r)]));
}

/** An optional text: left out when empty, as a site file leaves it out. */
const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** Drops the keys whose value is undefined, so the body reads as a site file would. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A call to action as sent: a secondary link with no text or address is no secondary link. */
function invitation(cta: CallToAction): CallToAction {
  const { secondary, ...main } = cta;
  if (!secondary || (!secondary.linkText.trim() && !secondary.url.trim() && !secondary.prompt?.trim())) return main;
  return { ...main, secondary: defined({ ...secondary, prompt: optional(secondary.prompt ?? '') }) };
}

/** What PUT /moderation/site sends: the site file's shape without its id and moderation settings. */
export function toBody(form: SiteForm) {
  const { sso, autoClose, mail } = form;
  const hs256Secret = sso.removeSecret ? null : optional(sso.newSecret);
  return {
    name: form.name.trim(),
    allowedOrigins: form.origins,
    sso: defined({
      hs256Secret,
      publicKeyPem: optional(sso.publicKeyPem),
      jwksUrl: optional(sso.jwksUrl),
      issuer: optional(sso.issuer),
      maxTokenLifetimeSeconds: sso.maxTokenLifetimeSeconds ?? undefined,
    }),
    policy: {
      defaultSection: form.defaultSection.trim(),
      sectionRules: form.sectionRules.map((r) => ({ section: r.section.trim(), pathPrefix: r.pathPrefix.trim() })),
      tiers: record(form.tiers, (r) => r.tier, (r) => sectionList(r.sections)),
    },
    guidelines: form.guidelines,
    callsToAction: defined({
      guest: invitation(form.guest),
      upgrade: invitation(form.upgrade),
      upgradeByTier: form.upgradeByTier.length ? record(form.upgradeByTier, (r) => r.tier, (r) => invitation(r.cta)) : undefined,
    }),
    settings: defined({
      ...form.kept,
      theme: form.theme,
      guidelinesDisplay: form.guidelinesDisplay,
      signInUrl: optional(form.signInUrl),
      strings: record(form.strings, (r) => r.key, (r) => r.value),
      autoClose: defined({
        // Off is no number of days; a number typed and switched off is forgotten on save.
        afterDays: autoClose.on ? autoClose.afterDays : undefined,
        from: autoClose.from,
        bySection: record(autoClose.bySection, (r) => r.section, (r) => ({ afterDays: r.afterDays })),
      }),
      mail: defined({
        enabled: mail.enabled,
        from: optional(mail.from),
        // A cleared throttle is sent as null, so the shared check says it is required, never the default.
        replyNoticeMinutes: mail.replyNoticeMinutes,
        moderatorEmails: mail.moderatorEmails,
        // Each threshold on its own: one left empty is no alert on it.
        queueAlert:
          mail.alertPending === null && mail.alertOldestMinutes === null
            ? undefined
            : defined({ pending: mail.alertPending ?? undefined, oldestMinutes: mail.alertOldestMinutes ?? undefined }),
        digestHourUtc: mail.digestHourUtc ?? undefined,
        dashboardUrl: optional(mail.dashboardUrl),
      }),
    }),
  };
}

export type SiteBody = ReturnType<typeof toBody>;

/** An empty invitation for a new tier row. */
export const blankInvitation = (): CallToAction => ({ text: '', linkText: '', url: '' });
