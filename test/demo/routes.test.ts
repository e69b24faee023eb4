// The demo publisher's own routes: the persona switcher only returns to the demo's pages, and
// only the demo's own pages may frame its moderator dashboard.
import { describe, expect, it } from 'vitest';
import { ARTICLES } from '../../demo/articles';
import { demoRoutes } from '../../demo/routes';

const app = demoRoutes({ secrets: { hs256Secret: 'x'.repeat(32), apiKey: 'key' }, canonicalOrigin: 'http://localhost:3000' });

const switchTo = (back: string) =>
  app.request('/demo/persona', { method: 'POST', body: new URLSearchParams({ persona: 'alice', return: back }) });

describe('the demo’s persona switcher', () => {
  it('returns to the page it was used on', async () => {
    for (const back of ['/', '/demo/moderate', ARTICLES[0].path]) {
      const res = await switchTo(back);
      expect(res.status).toBe(303);
      expect(res.headers.get('Location')).toBe(back);
    }
  });

  it('never redirects off the demo, however the address is spelled', async () => {
    for (const back of ['//evil.example', '/\\evil.example', '/\\/evil.example', 'https://evil.example/', '/%2F%2Fevil.example', ' /evil', '/articles/../../x']) {
      expect((await switchTo(back)).headers.get('Location'), back).toBe('/');
    }
  });
});

describe('the demo’s sign-in page', () => {
  it('offers every member persona, and goes back to the demo page the reader came from', async () => {
    const res = await app.request('/signin', { headers: { Referer: `http://localhost${ARTICLES[0].path}` } });
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const name of ['Nell', 'Alice', 'Morgan']) expect(html).toContain(`Sign in as ${name}`);
    expect(html).not.toContain('Sign in as Guest');
    expect(html).toContain(`name="return" value="${ARTICLES[0].path}"`);
  });

  it('goes back to the front page when the reader came from anywhere else', async () => {
    for (const referer of [undefined, 'https://evil.example/articles/city-budget', 'http://localhost/nowhere', 'not a url']) {
      const res = await app.request('/signin', { headers: referer ? { Referer: referer } : {} });
      const returns = [...(await res.text()).matchAll(/name="return" value="([^"]*)"/g)].map((m) => m[1]);
      // The persona bar returns to the sign-in page itself; the sign-in buttons to the front page.
      expect(new Set(returns), referer).toEqual(new Set(['/signin', '/']));
    }
  });
});

describe('the demo’s moderator dashboard page', () => {
  it('may be framed by the demo’s own pages only', async () => {
    const res = await app.request('/demo/moderate');
    expect(res.headers.get('Content-Security-Policy')).toBe("frame-ancestors 'self'");
    expect(res.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
  });
});

describe('the demo’s avatars', () => {
  it('serves Alice’s picture as an SVG that may run nothing', async () => {
    const res = await app.request('/avatars/alice.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(res.headers.get('Content-Security-Policy')).toBe("default-src 'none'");
    expect(await res.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^]*<\/svg>$/);
  });

  it('names it in Alice’s token, on the demo’s own origin, and gives others none', async () => {
    const tokenOf = async (persona: string) => {
      const res = await app.request('/demo/token', { headers: { Cookie: `demo_persona=${persona}` } });
      const { token } = await res.json();
      return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    };
    expect((await tokenOf('alice')).avatar).toBe('http://localhost:3000/avatars/alice.svg');
    expect(await tokenOf('morgan')).not.toHaveProperty('avatar');
  });
});
