// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, PERSONAS } from '../support/app';
import { mountWidget, waitFor, type MountedWidget } from '../support/widget';

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

  it('carries on as a guest when the expired token cannot be replaced', async () => {
    const t = await createTestContext();
    const stale = await t.sign(PERSONAS.alice, { expiresInSeconds: 60 });
    t.clock.now += 5 * 60_000;
    widget = await mountWidget(t, { config: { token: stale, getToken: async () => null } });
    expect(widget.root.querySelector('.cta')).not.toBeNull();
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

  it('shows why the thread could not load, with a retry', async () => {
    const t = await createTestContext();
    widget = await mountWidget(t, { config: { site: 'no-such-site' } });
    expect(widget.root.querySelector('[role="status"]')?.textContent).toContain('Comments are not enabled for this page.');
    expect(widget.root.querySelector('[role="status"] button')?.textContent).toBe('Retry');
  });
});
