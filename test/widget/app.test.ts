// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { SiteSettings } from '../../shared/schemas/site';
import { createTestContext, PERSONAS } from '../support/app';
import { mount } from '../../widget/app';
import { API_ORIGIN, appFetch, mountWidget, waitFor, type MountedWidget } from '../support/widget';
import { ARTICLE_URL } from '../support/app';

let widget: MountedWidget | undefined;
afterEach(() => widget?.unmount());

describe('mount', () => {
  it('asks getToken for a fresh token when the API says it expired, and retries once', async () => {
    const t = await createTestContext();
    const stale = await t.sign(PERSONAS.alice, { expiresInSeconds: 60 });
    t.clock.now += 5 * 60_000;
    let asked = 0;
    widget = await mountWidget(t, { config: { token: stale, getToken: async () => (asked++, t.sign(PERSONAS.alice)) } });
    expect(asked).toBe(1);
    expect(widget.root.querySelector('form label')?.textContent).toBe('Comment as Alice');
    expect(widget.requests.filter((r) => r.startsWith('GET /api/v1/sites/daily/thread?'))).toHaveLength(2);
  });

  it('asks a member to sign in again, not as a guest, when the expired token cannot be replaced', async () => {
    const t = await createTestContext();
    const stale = await t.sign(PERSONAS.alice, { expiresInSeconds: 60 });
    t.clock.now += 5 * 60_000;
    widget = await mountWidget(t, { config: { token: stale, getToken: async () => null } });
    expect(widget.root.querySelector('.cta')?.textContent).toBe('Your session has expired — sign in again.');
  });

  it('calls getToken up front when no token is given', async () => {
    const t = await createTestContext();
    widget = await mountWidget(t, { config: { getToken: () => t.sign(PERSONAS.bob) } });
    expect(widget.root.querySelector('form label')?.textContent).toBe('Comment as Bob');
  });

  it('signs the reader in without a reload when the host refreshes the token', async () => {
    const t = await createTestContext();
    widget = await mountWidget(t);
    expect(widget.root.querySelector('.cta')).not.toBeNull();
    widget.handle.refreshToken(await t.sign(PERSONAS.alice));
    await waitFor(() => widget!.root.querySelector('textarea'), 'the composer');
    expect(widget.root.querySelector('.cta')).toBeNull();
  });

  it('keeps two widgets on one page independent', async () => {
    const t = await createTestContext();
    const a = await mountWidget(t);
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    expect(a.root.querySelector('textarea')).toBeNull();
    expect(widget.root.querySelector('textarea')).not.toBeNull();
    a.unmount();
    expect(widget.root.querySelector('textarea')).not.toBeNull();
  });

});

describe('the theme', () => {
  const meta = document.createElement('meta');
  meta.name = 'color-scheme';
  afterEach(() => {
    meta.remove();
    document.documentElement.style.colorScheme = '';
  });
  const themeOf = (w: MountedWidget) => (w.root.host as Element).getAttribute('data-parley-theme');
  const declare = (scheme: string) => {
    meta.content = scheme;
    document.head.append(meta);
  };

  it("follows the host page: light when it declares nothing, dark when it declares only dark, the reader's preference when both", async () => {
    const t = await createTestContext();
    widget = await mountWidget(t);
    expect(themeOf(widget)).toBe('light');
    widget.unmount();
    declare('dark');
    widget = await mountWidget(t);
    expect(themeOf(widget)).toBe('dark');
    widget.unmount();
    declare('light dark');
    widget = await mountWidget(t);
    // 'auto' leaves the style sheet's color-scheme: light dark, so prefers-color-scheme decides.
    expect(themeOf(widget)).toBe('auto');
  });

  it("reads the host root's color-scheme before its meta tag", async () => {
    const t = await createTestContext();
    declare('dark');
    document.documentElement.style.colorScheme = 'light';
    widget = await mountWidget(t);
    expect(themeOf(widget)).toBe('light');
  });

  it("lets the page's data-theme, then the site's own light or dark, win over the host's scheme", async () => {
    declare('dark');
    const t = await createTestContext({ site: { settings: SiteSettings.parse({ theme: 'light' }) } });
    widget = await mountWidget(t);
    // The host's scheme until the thread view says what the site chose.
    await waitFor(() => themeOf(widget!) === 'light', "the site's theme");
    widget.unmount();
    widget = await mountWidget(t, { config: { theme: 'dark' } });
    expect(themeOf(widget)).toBe('dark');
    widget.unmount();
    widget = await mountWidget(t, { config: { theme: 'auto' } });
    expect(themeOf(widget)).toBe('dark');
  });
});

describe('the height embed.js holds for the thread', () => {
  it('stays while the thread loads and is released once it has rendered', async () => {
    const t = await createTestContext();
    let answer!: () => void;
    const held = new Promise<void>((r) => (answer = r));
    const app = appFetch(t);
    const host = document.createElement('div');
    host.style.minHeight = '320px';
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const handle = mount(root, { api: API_ORIGIN, site: t.site.id, url: ARTICLE_URL, fetch: async (url, init) => (await held, app(url, init)) });
    await new Promise((r) => setTimeout(r, 20));
    expect(host.style.minHeight).toBe('320px');
    answer();
    await waitFor(() => root.querySelector('h2'), 'the thread');
    await waitFor(() => host.style.minHeight === '', 'the height released');
    handle.unmount();
    host.remove();
  });
});
