// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ARTICLE_URL, createTestContext, NEWSLETTER_URL, PERSONAS, TEST_API_KEY } from '../../support/app';
import { buildSite } from '../../support/site';
import { mountWidget, type MountedWidget } from '../../support/widget';
import { linkTarget } from '../../../widget/components/call-to-action';

let widget: MountedWidget | undefined;
afterEach(() => widget?.unmount());

describe('who may write', () => {
  it('shows a guest the invitation to subscribe and no composer', async () => {
    const t = await createTestContext();
    widget = await mountWidget(t);
    const cta = widget.root.querySelector('.cta');
    expect(cta?.textContent).toContain('Consider subscribing to join the conversation.');
    expect(cta?.querySelector('a')?.getAttribute('href')).toBe('https://news.example/subscribe');
    expect(widget.root.querySelector('textarea')).toBeNull();
    expect(widget.root.querySelector('details')?.textContent).toContain('Debate ideas, not people.');
  });

  it('shows a newsletter-only member the upgrade invitation on a news article', async () => {
    const t = await createTestContext();
    widget = await mountWidget(t, { persona: PERSONAS.nell });
    expect(widget.root.querySelector('.cta')?.textContent).toContain('upgrade to join the conversation everywhere');
    expect(widget.root.querySelector('.cta a')?.textContent).toBe('Upgrade');
    expect(widget.root.querySelector('textarea')).toBeNull();
  });

  it('gives the same member a composer on a newsletter article', async () => {
    const t = await createTestContext();
    widget = await mountWidget(t, { persona: PERSONAS.nell, config: { url: NEWSLETTER_URL } });
    expect(widget.root.querySelector('.cta')).toBeNull();
    expect(widget.root.querySelector('form label')?.textContent).toBe('Comment as Nell');
    expect(widget.root.querySelector('textarea')).not.toBeNull();
  });

  it('tells everyone a closed thread is closed, with no composer', async () => {
    const t = await createTestContext();
    await t.call('PUT', '/api/v1/sites/daily/admin/threads', { headers: { 'X-Api-Key': TEST_API_KEY }, body: { url: ARTICLE_URL, closed: true } });
    widget = await mountWidget(t, { persona: PERSONAS.alice });
    expect(widget.root.querySelector('.notice')?.textContent).toBe('This conversation is closed.');
    expect(widget.root.querySelector('textarea')).toBeNull();
    expect(widget.root.querySelector('.cta')).toBeNull();
  });

  it("resolves a relative invitation link against the host page and refuses one that is not http(s)", async () => {
    const { callsToAction } = buildSite();
    const t = await createTestContext({
      site: {
        callsToAction: {
          guest: { ...callsToAction.guest, url: '/subscribe?from=comments' },
          upgrade: { ...callsToAction.upgrade, url: 'javascript:alert(1)' },
        },
      },
    });
    widget = await mountWidget(t);
    expect(widget.root.querySelector('.cta a')?.getAttribute('href')).toBe(`${location.origin}/subscribe?from=comments`);
    widget.unmount();

    widget = await mountWidget(t, { persona: PERSONAS.nell });
    expect(widget.root.querySelector('.cta')?.textContent).toContain('upgrade to join the conversation everywhere');
    expect(widget.root.querySelector('.cta a')).toBeNull();
  });
});

describe('linkTarget', () => {
  const page = 'https://news.example/2026/01/15/city-budget?ref=home';
  it('makes relative links absolute on the host page and keeps absolute http(s) ones', () => {
    expect(linkTarget('/subscribe', page)).toBe('https://news.example/subscribe');
    expect(linkTarget('join', page)).toBe('https://news.example/2026/01/15/join');
    expect(linkTarget('//members.example/join', page)).toBe('https://members.example/join');
    expect(linkTarget('http://members.example/join', page)).toBe('http://members.example/join');
  });

  it('refuses every other scheme, however it is disguised', () => {
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'mailto:a@news.example']) {
      expect(linkTarget(url, page)).toBeNull();
    }
  });
});
