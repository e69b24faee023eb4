// The Site page's form as data: a site goes into rows and back unchanged, every problem lands on
// the field that shows it, and the preview decides "who may comment where" as the server would.
import { describe, expect, it } from 'vitest';
import { EditableSite, SiteEditView, SiteSettings } from '../../../../shared/schemas/site';
import { commentMatrix } from '../../../../widget/moderate/model/comment-matrix';
import { siteFormErrors } from '../../../../widget/moderate/model/site-form-errors';
import { toBody, toForm, type SiteForm } from '../../../../widget/moderate/model/site-form';
import { buildSite } from '../../../support/site';

const { moderation: _moderation, ...settings } = SiteSettings.parse({ signInUrl: '/login', strings: { comments: 'Reader comments' }, autoClose: { afterDays: 30, bySection: { newsletter: { afterDays: null } } } });
const site = buildSite();
const view: SiteEditView = SiteEditView.parse({
  ...site,
  sso: { hs256SecretSet: true, issuer: 'https://id.example' },
  callsToAction: { ...site.callsToAction, upgradeByTier: { newsletter: { text: 'Upgrade to comment everywhere.', linkText: 'Upgrade', url: '/upgrade' } } },
  settings,
});
const edited = (change: (f: SiteForm) => SiteForm) => change(toForm(view));

describe('the site form', () => {
  it('turns a site into rows and back into the same document, keeping the secret by leaving it out', () => {
    const { hs256SecretSet: _set, ...sso } = view.sso;
    expect(toBody(toForm(view))).toEqual({ ...view, sso });
    expect(EditableSite.safeParse(toBody(toForm(view))).success).toBe(true);
    expect(siteFormErrors(toForm(view))).toEqual({ valid: true, byField: {}, other: [] });
  });

  it('sends a new secret, or null to remove it; an empty box keeps it', () => {
    expect(toBody(edited((f) => ({ ...f, sso: { ...f.sso, newSecret: 'x'.repeat(40) } }))).sso.hs256Secret).toBe('x'.repeat(40));
    expect(toBody(edited((f) => ({ ...f, sso: { ...f.sso, removeSecret: true } }))).sso.hs256Secret).toBeNull();
    expect('hs256Secret' in toBody(toForm(view)).sso).toBe(false);
  });

  it('puts each problem on the field that shows it: an origin on its line, a row by its name', () => {
    const form = edited((f) => ({
      ...f,
      origins: ['https://news.example', 'news.example/x'],
      tiers: [...f.tiers, { tier: 'member', sections: 'news' }],
      strings: [{ key: 'no.such.key', value: 'x' }, { key: 'comments', value: 'y'.repeat(501) }],
      autoClose: { ...f.autoClose, bySection: [{ section: 'newsletter', afterDays: 0 }] },
      upgradeByTier: [{ tier: 'newsletter', cta: { text: 'Upgrade', linkText: 'Upgrade', url: '/up', secondary: { linkText: 'Sign in', url: '' } } }],
      sso: { ...f.sso, newSecret: 'short', jwksUrl: 'ftp://keys.example' },
    }));
    const { valid, byField, other } = siteFormErrors(form);
    expect(valid).toBe(false);
    expect(other).toEqual([]);
    expect(byField).toEqual({
      'origins.1': 'must be an origin such as https://news.example.com: a scheme and a host, no path',
      'tiers.2.tier': 'member is listed twice',
      'strings.0.key': expect.stringMatching(/^is not a string the widget shows/),
      'strings.1.value': 'must be at most 500 characters',
      'autoClose.0.afterDays': 'must be at least 1',
      'sso.hs256Secret': 'must be at least 32 characters',
      'sso.jwksUrl': 'must be an http(s) URL',
    });
  });

  it('files what the server said by the same fields, and what the form has no field for apart', () => {
    const { byField, other } = siteFormErrors(toForm(view), { 'policy.tiers.newsletter': 'is not allowed', 'settings.rateLimits.memberWritesPerMinute': 'must be at most 10000' });
    expect(byField).toEqual({ 'tiers.1.sections': 'is not allowed' });
    expect(other).toEqual(['settings.rateLimits.memberWritesPerMinute: must be at most 10000']);
  });

  it('says a cleared number of days is required', () => {
    const { byField } = siteFormErrors(edited((f) => ({ ...f, autoClose: { ...f.autoClose, afterDays: null } })));
    expect(byField['settings.autoClose.afterDays']).toBe('is required');
  });
});

describe('the site form’s e-mail settings', () => {
  const mail = { enabled: true, from: 'comments@news.example', replyNoticeMinutes: 30, moderatorEmails: ['desk@news.example', 'night@news.example'], queueAlert: { pending: 50, oldestMinutes: 120 }, digestHourUtc: 7, dashboardUrl: 'https://news.example/moderate' };
  const withMail = (m: object) => toForm(SiteEditView.parse({ ...view, settings: { ...view.settings, mail: m } }));

  it('edits every mail setting and sends them back as they were', () => {
    const form = withMail(mail);
    expect(form.mail).toEqual({ enabled: true, from: 'comments@news.example', replyNoticeMinutes: 30, moderatorEmails: ['desk@news.example', 'night@news.example'], alertPending: 50, alertOldestMinutes: 120, digestHourUtc: 7, dashboardUrl: 'https://news.example/moderate' });
    expect(toBody(form).settings.mail).toEqual(mail);
    expect(siteFormErrors(form).valid).toBe(true);
  });

  it('leaves out what is empty: no sender, no digest, a queue alert on one threshold only', () => {
    const form = withMail(mail);
    const body = toBody({ ...form, mail: { ...form.mail, from: ' ', digestHourUtc: null, dashboardUrl: '', alertOldestMinutes: null } });
    expect(body.settings.mail).toEqual({ enabled: true, replyNoticeMinutes: 30, moderatorEmails: mail.moderatorEmails, queueAlert: { pending: 50 } });
    // And the schema keeps it so: a threshold left out gets no default.
    expect(EditableSite.parse(body).settings.mail.queueAlert).toEqual({ pending: 50 });
    expect(toBody({ ...form, mail: { ...form.mail, alertPending: null, alertOldestMinutes: null } }).settings.mail.queueAlert).toBeUndefined();
  });

  it('marks a bad address on its line, a bad sender and a cleared throttle on their fields, before sending', () => {
    const form = withMail(mail);
    const { valid, byField } = siteFormErrors({ ...form, mail: { ...form.mail, from: 'comments', replyNoticeMinutes: null, moderatorEmails: ['desk@news.example', 'night-desk'], dashboardUrl: 'news.example' } });
    expect(valid).toBe(false);
    expect(byField).toEqual({
      'settings.mail.from': 'must be an e-mail address',
      'settings.mail.replyNoticeMinutes': 'is required',
      'mail.moderatorEmails.1': 'must be an e-mail address',
      'settings.mail.dashboardUrl': 'must be an http(s) URL',
    });
  });

  it('files the server’s sentences about mail by the same fields', () => {
    const { byField, other } = siteFormErrors(withMail(mail), { 'settings.mail.moderatorEmails.0': 'is refused', 'settings.mail.queueAlert.pending': 'must be at most 1000000' });
    expect(byField).toEqual({ 'mail.moderatorEmails.0': 'is refused', 'settings.mail.queueAlert.pending': 'must be at most 1000000' });
    expect(other).toEqual([]);
  });
});

describe('who may comment where', () => {
  it('has the default section and every section a rule or a tier names, with the tier-section rule’s answers', () => {
    const form = edited((f) => ({ ...f, tiers: [...f.tiers, { tier: 'student', sections: 'campus newsletter' }, { tier: '', sections: '*' }] }));
    expect(commentMatrix(form)).toEqual({
      sections: [
        { id: 'news', isDefault: true, prefixes: [] },
        { id: 'newsletter', isDefault: false, prefixes: ['/newsletter/'] },
        { id: 'campus', isDefault: false, prefixes: [] },
      ],
      tiers: [
        { tier: 'member', allowed: [true, true, true] },
        { tier: 'newsletter', allowed: [false, true, false] },
        { tier: 'student', allowed: [false, true, true] },
      ],
    });
  });
});
