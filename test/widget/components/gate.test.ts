// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ARTICLE_URL, createTestContext, NEWSLETTER_URL, PERSONAS, TEST_API_KEY } from '../../support/app';
import { mountWidget, type MountedWidget } from '../../support/widget';

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
});
