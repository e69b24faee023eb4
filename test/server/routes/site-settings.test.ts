// The Site page's API: every moderator reads the site's configuration without its HS256 secret;
// admins and the site's key change it, worded as the site command words problems, audited without
// secrets, seen by the widget at once; the key rotates; one site never reaches another's.
import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { SiteEditView, SiteSettings } from '../../../shared/schemas/site';
import { memoryResponseCache } from '../../../server/cache/response-cache';
import { BACKEND, createTestContext, PERSONAS, TEST_API_KEY, type TestContext } from '../../support/app';
import { openThread, refusal } from '../../support/api';
import { buildSite, TEST_SECRET } from '../../support/site';

const m = apiPaths.moderation;
const ADMIN = { sub: 'u-ada', name: 'Ada', tier: 'member', role: 'admin' as const };
const asKey = { 'X-Api-Key': TEST_API_KEY };
let t: TestContext;
afterEach(() => t?.close());

/** The site as the Site page shows it, by the API key. */
async function shown(headers: Record<string, string> = asKey): Promise<SiteEditView> {
  const res = await t.call('GET', m.site(t.site.id), { headers });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()).site;
}

describe('GET /moderation/site', () => {
  it('shows admins and moderators the site without the HS256 secret, only whether one is set', async () => {
    t = await createTestContext({ site: { sso: { hs256Secret: TEST_SECRET, jwksUrl: 'https://id.example/jwks.json', maxTokenLifetimeSeconds: 7200 } } });
    for (const token of [await t.sign(ADMIN), await t.sign(PERSONAS.mod)]) {
      const res = await t.call('GET', m.site('daily'), { token });
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(text).not.toContain(TEST_SECRET);
      const { site } = JSON.parse(text);
      expect(SiteEditView.safeParse(site).success).toBe(true);
      expect(site.sso).toEqual({ hs256SecretSet: true, jwksUrl: 'https://id.example/jwks.json', maxTokenLifetimeSeconds: 7200 });
      expect(site).toMatchObject({ name: 'The Daily Example', allowedOrigins: ['https://news.example'], guidelines: 'Debate ideas, not people.' });
      // The Rules tab's settings are not the Site page's, nor is the id.
      expect(site.settings.moderation).toBeUndefined();
      expect(site.id).toBeUndefined();
    }
    expect((await refusal(await t.call('GET', m.site('daily'), { token: await t.sign(PERSONAS.alice) }))).code).toBe('forbidden');
  });
});

describe('PUT /moderation/site', () => {
  it('saves what the site key or an admin sends and leaves the moderation settings as they were', async () => {
    t = await createTestContext({ site: { settings: SiteSettings.parse({ moderation: { premoderation: 'all' } }) } });
    const site = await shown();
    const sent = { ...site, name: 'The Daily Example (weekend)', guidelines: 'Be kind.', settings: { ...site.settings, theme: 'dark' as const } };
    const res = await t.call('PUT', m.site('daily'), { headers: asKey, body: sent });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await res.json()).site).toEqual(sent);
    const stored = (await t.store.getSite('daily'))!;
    expect(stored).toMatchObject({ name: 'The Daily Example (weekend)', guidelines: 'Be kind.', apiKeyHash: t.site.apiKeyHash });
    expect(stored.settings.theme).toBe('dark');
    expect(stored.settings.moderation.premoderation).toBe('all');

    const byAdmin = await t.call('PUT', m.site('daily'), { token: await t.sign(ADMIN), body: { ...sent, guidelines: 'Be kinder.' } });
    expect(byAdmin.status).toBe(200);
    expect((await t.store.getSite('daily'))!.guidelines).toBe('Be kinder.');
  });

  it('refuses moderators who are not admins with admin_required, and members', async () => {
    t = await createTestContext();
    const site = await shown();
    const asMod = await t.call('PUT', m.site('daily'), { token: await t.sign(PERSONAS.mod), body: { ...site, guidelines: 'Mine now.' } });
    expect(await refusal(asMod)).toMatchObject({ status: 403, code: 'admin_required' });
    expect((await refusal(await t.call('PUT', m.site('daily'), { token: await t.sign(PERSONAS.alice), body: site }))).code).toBe('forbidden');
    expect((await t.store.getSite('daily'))!.guidelines).toBe('Debate ideas, not people.');
  });

  it('answers each bad field by its path, in the site command’s words, and stores nothing', async () => {
    t = await createTestContext();
    const site = await shown();
    const bad = {
      ...site,
      allowedOrigins: ['https://news.example', 'https://news.example/articles', 'news.example'],
      sso: { ...site.sso, hs256Secret: 'short' },
      settings: { ...site.settings, strings: { comments: 'Reader comments', 'no.such.key': 'x' }, autoClose: { afterDays: 0, from: 'published' } },
    };
    const { status, code, fields } = await refusal(await t.call('PUT', m.site('daily'), { headers: asKey, body: bad }));
    expect({ status, code }).toEqual({ status: 400, code: 'invalid_input' });
    const origin = 'must be an origin such as https://news.example.com: a scheme and a host, no path';
    expect(fields).toEqual({
      'allowedOrigins.1': origin,
      'allowedOrigins.2': origin,
      'sso.hs256Secret': 'must be at least 32 characters',
      'settings.autoClose.afterDays': 'must be at least 1',
      'settings.strings["no.such.key"]': expect.stringMatching(/^is not a string the widget shows: use a key of the widget's catalogue/),
    });
    // The Rules tab's settings are not taken here, nor anything the page does not edit.
    const moderation = await refusal(await t.call('PUT', m.site('daily'), { headers: asKey, body: { ...site, settings: { ...site.settings, moderation: {} } } }));
    expect(moderation.fields).toEqual({ settings: 'unknown field moderation' });
    expect(await shown()).toEqual(site);
  });

  it('keeps the HS256 secret when none is sent, replaces it when one is, and removes it for null', async () => {
    t = await createTestContext();
    const site = await shown();
    const secret = async () => (await t.store.getSite('daily'))!.sso.hs256Secret;
    const put = async (sso: Record<string, unknown>) => {
      const res = await t.call('PUT', m.site('daily'), { headers: asKey, body: { ...site, sso } });
      expect(res.status, await res.clone().text()).toBe(200);
      return (await res.json()).site.sso;
    };
    // What the page was shown goes back as it was: hs256SecretSet is only ever read.
    expect(await put({ hs256SecretSet: false, issuer: 'https://id.example' })).toEqual({ hs256SecretSet: true, issuer: 'https://id.example' });
    expect(await secret()).toBe(TEST_SECRET);
    const replaced = 'a-new-secret-that-is-long-enough-9876543210';
    expect(await put({ hs256Secret: replaced })).toEqual({ hs256SecretSet: true });
    expect(await secret()).toBe(replaced);
    expect(await put({ hs256Secret: null })).toEqual({ hs256SecretSet: false });
    expect(await secret()).toBeUndefined();
  });

  it('writes an audit row naming what changed, with the secret only as set or not', async () => {
    t = await createTestContext();
    const site = await shown();
    const replaced = 'a-new-secret-that-is-long-enough-9876543210';
    const sent = { ...site, guidelines: 'Be kind.', sso: { hs256Secret: replaced }, settings: { ...site.settings, strings: { 'count.other': '{n} reactions' } } };
    expect((await t.call('PUT', m.site('daily'), { headers: asKey, body: sent })).status).toBe(200);
    const res = await t.call('GET', `${m.audit('daily')}?targetType=settings`, { headers: asKey });
    const text = await res.text();
    expect(text).not.toContain(replaced);
    expect(text).not.toContain(TEST_SECRET);
    const [entry] = JSON.parse(text).entries;
    expect(entry).toMatchObject({
      action: 'site_settings',
      actorName: 'Site owner',
      summary: 'Changed the site settings: guidelines, settings.strings["count.other"], sso.hs256Secret',
      before: { guidelines: 'Debate ideas, not people.', 'sso.hs256Secret': '(set)', 'settings.strings["count.other"]': null },
      after: { guidelines: 'Be kind.', 'sso.hs256Secret': '(set)', 'settings.strings["count.other"]': '{n} reactions' },
    });
    // A site settings change is put back by saving again, never by undo.
    expect((await refusal(await t.call('POST', m.undo('daily', entry.id), { headers: asKey }))).code).toBe('not_undoable');
  });

  it('shows readers the new guidelines and invitations on their very next read, past every cache', async () => {
    // Caches this instance would otherwise answer from for a minute (the worker builds its app per test request).
    const deps = BACKEND === 'workerd' ? {} : { siteCacheTtlMs: 60_000, guestRevalidateMs: 60_000, responseCache: memoryResponseCache() };
    t = await createTestContext({ deps });
    const before = await openThread(t);
    expect(before.site.guidelines).toBe('Debate ideas, not people.');
    expect((await openThread(t)).site.guidelines).toBe('Debate ideas, not people.');
    const site = await shown();
    const guest = { ...site.callsToAction.guest, text: 'Members talk here: join them.' };
    const sent = { ...site, guidelines: 'Stay on the topic of the article.', callsToAction: { ...site.callsToAction, guest } };
    expect((await t.call('PUT', m.site('daily'), { headers: asKey, body: sent })).status).toBe(200);
    const after = await openThread(t);
    expect(after.site.guidelines).toBe('Stay on the topic of the article.');
    expect(after.viewer.callToAction?.text).toBe('Members talk here: join them.');
  });
});

describe('POST /moderation/site/api-key', () => {
  it('issues a new key once: the old one is refused from the next request, the new one works', async () => {
    t = await createTestContext();
    const res = await t.call('POST', m.siteApiKey('daily'), { headers: asKey });
    expect(res.status, await res.clone().text()).toBe(200);
    const { apiKey, action } = await res.json();
    expect(apiKey).toMatch(/^pk_[0-9a-f]{48}$/);
    expect(action).toMatchObject({ action: 'rotate_api_key', targetType: 'settings' });
    expect((await refusal(await t.call('GET', m.session('daily'), { headers: asKey }))).code).toBe('forbidden');
    expect((await refusal(await t.call('PUT', apiPaths.adminThreads('daily'), { headers: asKey, body: { url: 'https://news.example/a' } }))).code).toBe('forbidden');
    const asNew = { 'X-Api-Key': apiKey };
    expect((await t.call('GET', m.session('daily'), { headers: asNew })).status).toBe(200);
    expect((await t.call('PUT', apiPaths.adminThreads('daily'), { headers: asNew, body: { url: 'https://news.example/a' } })).status).toBe(200);

    // Admins may rotate it too, moderators may not; the log never holds a key.
    expect((await refusal(await t.call('POST', m.siteApiKey('daily'), { token: await t.sign(PERSONAS.mod) }))).code).toBe('admin_required');
    const byAdmin = await (await t.call('POST', m.siteApiKey('daily'), { token: await t.sign(ADMIN) })).json();
    expect(byAdmin.apiKey).not.toBe(apiKey);
    expect((await refusal(await t.call('GET', m.session('daily'), { headers: asNew }))).code).toBe('forbidden');
    const audit = await (await t.call('GET', `${m.audit('daily')}?action=rotate_api_key`, { headers: { 'X-Api-Key': byAdmin.apiKey } })).text();
    expect(JSON.parse(audit).entries.map((e: { actorName: string }) => e.actorName)).toEqual(['Ada', 'Site owner']);
    expect(audit).not.toContain(apiKey);
    expect(audit).not.toContain(byAdmin.apiKey);
  });
});

describe('one site and another', () => {
  it('never lets another site’s admin or key read or change this site', async () => {
    t = await createTestContext();
    await t.store.saveSite(buildSite({ id: 'other', name: 'The Other Paper', apiKeyHash: null }), t.clock.now);
    const otherAdmin = await t.sign(ADMIN, { audience: 'other' });
    const site = await shown();
    expect((await refusal(await t.call('PUT', m.site('daily'), { token: otherAdmin, body: { ...site, guidelines: 'Taken.' } }))).code).toBe('token_wrong_audience');
    expect((await refusal(await t.call('POST', m.siteApiKey('daily'), { token: otherAdmin }))).code).toBe('token_wrong_audience');
    // Their admin sees their own site only; this site's key opens nothing of theirs (they have none set).
    expect((await (await t.call('GET', m.site('other'), { token: otherAdmin })).json()).site.name).toBe('The Other Paper');
    expect((await refusal(await t.call('PUT', m.site('other'), { headers: asKey, body: site }))).code).toBe('forbidden');
    expect((await t.store.getSite('daily'))!.guidelines).toBe('Debate ideas, not people.');
    expect((await t.store.getSite('other'))!.name).toBe('The Other Paper');
  });
});
