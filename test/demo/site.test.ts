// The demo publisher's site, as the API serves it: a guest is invited to subscribe or sign in, a
// lapsed member is sent to the demo's sign-in page, and newsletter readers get their own upgrade.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoSite } from '../../demo/site';
import { ARTICLE_URL, createTestContext, NEWSLETTER_URL, TEST_ORIGIN, type TestContext } from '../support/app';
import { openThread, threadPath } from '../support/api';
import { TEST_SECRET } from '../support/site';
import { PERSONAS } from '../../demo/personas';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext({ site: await demoSite([TEST_ORIGIN], { hs256Secret: TEST_SECRET, apiKey: 'demo_key' }) });
});
afterEach(() => t.close());

const as = (id: string) => PERSONAS.find((p) => p.id === id)!.claims!;

describe('the demo site', () => {
  it('invites a guest to subscribe, or to sign in on the demo’s sign-in page if already a member', async () => {
    const view = await openThread(t);
    expect(view.viewer.callToAction).toMatchObject({ linkText: 'Subscribe', secondary: { prompt: 'Already a member?', linkText: 'Sign in', url: '/signin' } });
    expect(view.site.signInUrl).toBe('/signin');
  });

  it('sends a member whose token expired to the sign-in page, without inviting them to subscribe', async () => {
    const expired = await t.sign(as('alice'), { expiresInSeconds: -60 });
    const view = await (await t.call('GET', threadPath(t.site.id, { url: ARTICLE_URL }), { token: expired })).json();
    expect(view.viewer).toMatchObject({ session: 'expired', callToAction: null });
    expect(view.site.signInUrl).toBe('/signin');
  });

  it('tells a newsletter reader on a news article that they may comment on the newsletter’s articles only', async () => {
    const nell = await t.sign(as('nell'));
    const view = await openThread(t, { token: nell });
    expect(view.viewer).toMatchObject({
      reason: 'tier_not_allowed_here',
      callToAction: { text: "You can only comment on the newsletter's articles; upgrade to join the conversation everywhere." },
    });
    expect((await openThread(t, { url: NEWSLETTER_URL, token: nell })).viewer.canComment).toBe(true);
  });

  it('gives any other tier that may not comment the general upgrade', async () => {
    const view = await openThread(t, { token: await t.sign({ sub: 'demo-pat', name: 'Pat', tier: 'print' }) });
    expect(view.viewer.callToAction?.text).toBe('Your membership does not include commenting here; upgrade to join the conversation.');
  });
});
