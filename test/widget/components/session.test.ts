// @vitest-environment happy-dom
// A member whose sign-in lapsed, on load or while the page is open, is asked to sign in again.
import { afterEach, describe, expect, it } from 'vitest';
import { SiteSettings } from '../../../shared/schemas/site';
import { createTestContext, PERSONAS, type TestContext } from '../../support/app';
import { button, mountWidget, seedComment, typeInto, waitFor, type MountedWidget } from '../../support/widget';

let widget: MountedWidget | undefined;
afterEach(() => widget?.unmount());

const SIGN_IN = 'https://news.example/sign-in?back=comments';
const EXPIRED = 'Your session has expired — sign in again.';
const UNCONFIRMED = "We couldn't confirm your sign-in — sign in again.";

const withSignIn = () => createTestContext({ site: { settings: SiteSettings.parse({ signInUrl: SIGN_IN }) } });

/** A token that was valid five minutes ago and expired since. */
async function expiredToken(t: TestContext): Promise<string> {
  const token = await t.sign(PERSONAS.alice, { expiresInSeconds: 60 });
  t.clock.now += 5 * 60_000;
  return token;
}

function expectSignInPrompt(w: MountedWidget, sentence: string) {
  const cta = w.root.querySelector('.cta');
  expect(cta?.textContent).toContain(sentence);
  expect(cta?.querySelector('a')?.getAttribute('href')).toBe(SIGN_IN);
  expect(cta?.querySelector('a')?.textContent).toBe('Sign in');
  expect(w.root.textContent).not.toContain('Consider subscribing');
  expect(w.root.textContent).not.toContain('Comment as');
}

describe('a member whose sign-in lapsed', () => {
  it('with an expired token, is asked to sign in again with the site’s link, not invited to subscribe', async () => {
    const t = await withSignIn();
    widget = await mountWidget(t, { config: { token: await expiredToken(t) } });
    expectSignInPrompt(widget, EXPIRED);
    expect(widget.root.querySelector('textarea')).toBeNull();
  });

  it('with a token whose signature does not verify, is told the sign-in could not be confirmed', async () => {
    const t = await withSignIn();
    const forged = await t.sign(PERSONAS.alice, { secret: 'another-secret-that-is-long-enough-000000' });
    widget = await mountWidget(t, { config: { token: forged } });
    expectSignInPrompt(widget, UNCONFIRMED);
  });

  it('with a token made for another site, is told the sign-in could not be confirmed', async () => {
    const t = await withSignIn();
    widget = await mountWidget(t, { config: { token: await t.sign(PERSONAS.alice, { audience: 'another-site' }) } });
    expectSignInPrompt(widget, UNCONFIRMED);
  });

  it('asks getToken for a fresh token once, and asks to sign in again when that one is stale too', async () => {
    const t = await withSignIn();
    const stale = await expiredToken(t);
    let asked = 0;
    widget = await mountWidget(t, { config: { token: stale, getToken: () => (asked++, stale) } });
    expectSignInPrompt(widget, EXPIRED);
    expect(asked).toBe(1);
  });

  it('asks to sign in again, rather than taking the member for a guest, when getToken has nothing to give', async () => {
    const t = await withSignIn();
    widget = await mountWidget(t, { config: { token: await expiredToken(t), getToken: async () => null } });
    expectSignInPrompt(widget, EXPIRED);
  });

  it('shows the sentence without a link when the site gave no sign-in address', async () => {
    const t = await createTestContext();
    widget = await mountWidget(t, { config: { token: await expiredToken(t) } });
    expect(widget.root.querySelector('.cta')?.textContent).toBe(EXPIRED);
    expect(widget.root.querySelector('.cta a')).toBeNull();
  });

  it('when the token expires while the page is open, a Post turns the composer into the sign-in prompt and keeps the draft', async () => {
    const t = await withSignIn();
    await seedComment(t, PERSONAS.bob, 'Something to reply to.');
    widget = await mountWidget(t, { config: { token: await t.sign(PERSONAS.alice, { expiresInSeconds: 60 }) } });
    expect(widget.root.textContent).toMatch(/Reply/);
    expect(widget.root.querySelector('form label')?.textContent).toBe('Comment as Alice');
    t.clock.now += 5 * 60_000;
    const field = widget.root.querySelector('textarea')!;
    typeInto(field, 'Written before the session ran out.');
    await waitFor(() => !button(widget!.root, 'Post').disabled);
    button(widget.root, 'Post').click();

    await waitFor(() => widget!.root.querySelector('.cta'), 'the sign-in prompt');
    expectSignInPrompt(widget, EXPIRED);
    expect(widget.root.querySelector('fieldset')?.disabled).toBe(true);
    expect(widget.root.querySelector('textarea')?.value).toBe('Written before the session ran out.');
    expect(widget.root.querySelector('form label')?.textContent).toBe('Add a comment');
    expect(widget.root.textContent).not.toMatch(/Reply/);

    // Signed in again by the host: the same composer, the draft still in it.
    widget.handle.refreshToken(await t.sign(PERSONAS.alice));
    await waitFor(() => !widget!.root.querySelector('.cta'), 'the composer back');
    expect(widget.root.querySelector('fieldset')?.disabled).toBe(false);
    expect(widget.root.querySelector('textarea')?.value).toBe('Written before the session ran out.');
    expect(widget.root.querySelector('form label')?.textContent).toBe('Comment as Alice');
  });

  it('when the token expires while the page is open, Load more brings the next page and the sign-in prompt, not a guest’s view', async () => {
    const t = await withSignIn();
    for (let i = 0; i < 21; i++) await seedComment(t, PERSONAS.bob, `Comment number ${i}.`);
    widget = await mountWidget(t, { config: { token: await t.sign(PERSONAS.alice, { expiresInSeconds: 60 }) } });
    expect(widget.root.querySelectorAll('article')).toHaveLength(20);
    t.clock.now += 5 * 60_000;
    button(widget.root, 'Load more comments').click();
    await waitFor(() => widget!.root.querySelectorAll('article').length === 21 || null, 'the next page');
    await waitFor(() => widget!.root.querySelector('.cta'), 'the sign-in prompt');
    expectSignInPrompt(widget, EXPIRED);
    expect(widget.root.querySelector('fieldset')?.disabled).toBe(true);
  });

  it('posts with the fresh token getToken gives when the old one expired while the page was open', async () => {
    const t = await withSignIn();
    let asked = 0;
    const first = await t.sign(PERSONAS.alice, { expiresInSeconds: 60 });
    widget = await mountWidget(t, { config: { token: first, getToken: () => (asked++, t.sign(PERSONAS.alice)) } });
    t.clock.now += 5 * 60_000;
    typeInto(widget.root.querySelector('textarea')!, 'Posted on a renewed session.');
    await waitFor(() => !button(widget!.root, 'Post').disabled);
    button(widget.root, 'Post').click();
    await waitFor(() => widget!.root.querySelector('article'), 'the posted comment');
    expect(asked).toBe(1);
    expect(widget.root.querySelector('.cta')).toBeNull();
  });
});
