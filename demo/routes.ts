// The demo publisher's own routes: pages, the persona switcher, its token endpoint and avatars.
// Token signing lives here, in the publisher, never in Parley's API.
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { SignJWT } from 'jose';
import { ARTICLES } from './articles';
import { articlePage, listingPage, mailboxPage, moderatePage, signInPage, subscribePage } from './pages';
import type { DemoMail } from './mailbox';
import { avatarClaim, PERSONAS, personaById, SIGN_IN_PATH } from './personas';
import { DEMO_SITE_ID, type DemoSecrets } from './site';

const COOKIE = 'demo_persona';
const OWN_PAGES = new Set(['/', '/subscribe', SIGN_IN_PATH, '/demo/moderate', '/demo/mailbox', ...ARTICLES.map((a) => a.path)]);

/** The demo page a request came from (by its Referer), to go back to after signing in; the front page otherwise. */
function cameFrom(c: Context): string {
  try {
    const referer = new URL(c.req.header('Referer') ?? '');
    const path = referer.pathname;
    return referer.origin === new URL(c.req.url).origin && OWN_PAGES.has(path) && path !== SIGN_IN_PATH ? path : '/';
  } catch {
    return '/';
  }
}

export interface DemoOptions {
  secrets: DemoSecrets;
  /** The origin canonical URLs use, so localhost and 127.0.0.1 share one thread. */
  canonicalOrigin: string;
  /** What the demo's mailbox received (see mailbox.ts). */
  mail?: DemoMail[];
}

export function demoRoutes(options: DemoOptions) {
  const app = new Hono();
  const persona = (c: Context) => personaById(getCookie(c, COOKIE));

  app.get('/', (c) => c.html(listingPage(persona(c), options.canonicalOrigin)));
  app.get('/subscribe', (c) => c.html(subscribePage(persona(c))));
  app.get(SIGN_IN_PATH, (c) => c.html(signInPage(persona(c), cameFrom(c))));
  app.get('/demo/moderate', (c) => {
    // The dashboard acts with a moderator's token: only the publisher's own pages may frame it.
    c.header('Content-Security-Policy', "frame-ancestors 'self'");
    c.header('X-Frame-Options', 'SAMEORIGIN');
    return c.html(moderatePage(persona(c)));
  });
  app.get('/demo/mailbox', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.html(mailboxPage(persona(c), options.mail ?? [], Number(c.req.query('id')) || undefined));
  });
  for (const article of ARTICLES) {
    app.get(article.path, (c) => c.html(articlePage(article, persona(c), options.canonicalOrigin)));
  }

  app.post('/demo/persona', async (c) => {
    const form = await c.req.parseBody();
    const chosen = personaById(String(form.persona ?? ''));
    setCookie(c, COOKIE, chosen.id, { path: '/', httpOnly: true, sameSite: 'Lax' });
    // Back to one of the demo's own pages only: anything else ("/\\host", "//host") is an open redirect.
    const back = String(form.return ?? '/');
    return c.redirect(OWN_PAGES.has(back) ? back : '/', 303);
  });

  for (const { avatar } of PERSONAS) {
    if (!avatar) continue;
    app.get(avatar.path, (c) => {
      c.header('Content-Type', 'image/svg+xml');
      c.header('Cache-Control', 'public, max-age=86400');
      // Opened on its own, an SVG is a document: it may run nothing.
      c.header('Content-Security-Policy', "default-src 'none'");
      return c.body(avatar.svg);
    });
  }

  app.get('/demo/token', async (c) => {
    const who = persona(c);
    const { claims } = who;
    if (!claims) return c.json({ token: null });
    const now = Math.floor(Date.now() / 1000);
    // The demo runs on http://localhost, the one place Parley takes an http avatar (README, "Tokens").
    const avatar = avatarClaim(who, options.canonicalOrigin);
    const token = await new SignJWT({ name: claims.name, tier: claims.tier, role: claims.role, badges: claims.badges, email: claims.email, ...avatar })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setAudience(DEMO_SITE_ID)
      .setIssuedAt(now)
      .setExpirationTime(now + 15 * 60)
      .sign(new TextEncoder().encode(options.secrets.hs256Secret));
    c.header('Cache-Control', 'no-store');
    return c.json({ token });
  });

  return app;
}
