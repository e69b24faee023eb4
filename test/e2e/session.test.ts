// End to end in real headless Chromium against the demo publisher: a member whose sign-in lapsed.
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { DEMO_SITE_ID } from '../../demo/site';
import { useDemoBrowser } from '../support/e2e';

const e2e = useDemoBrowser();

describe('a member whose session expired', () => {
  it('is asked to sign in again, once the host had no fresh token either, and is not invited to subscribe', async () => {
    const page = await e2e.pageAs('alice', '/articles/city-budget');
    // Signed in as usual first, so no token request of this first load is counted below.
    await page.locator('section[aria-label="Comments"]').getByText(/Comment as/).waitFor();
    // The publisher's token endpoint hands out only a token that expired an hour ago.
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ name: 'Alice Archer', tier: 'member', role: 'member', badges: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('demo-alice')
      .setAudience(DEMO_SITE_ID)
      .setIssuedAt(now - 2 * 3600)
      .setExpirationTime(now - 3600)
      .sign(new TextEncoder().encode(e2e.demo.secrets.hs256Secret));
    let asked = 0;
    await page.route('**/demo/token', (route) => (asked++, route.fulfill({ json: { token: expired } })));
    await page.reload();

    const section = page.locator('section[aria-label="Comments"]');
    await section.waitFor();
    await expect.poll(() => section.getByText('Your session has expired — sign in again.').count()).toBe(1);
    expect(await section.getByText('Consider subscribing').count()).toBe(0);
    expect(await section.locator('textarea').count()).toBe(0);
    expect(await section.getByText(/Comment as/).count()).toBe(0);
    // The first token, then one fresh one asked for when the API refused it: no more.
    expect(asked).toBe(2);
    await page.context().close();
  });
});
