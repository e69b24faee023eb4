// A page's identity inside a site: the publisher's page id when given, else its canonical URL
// without fragment, query or trailing slash, so the same article never splits into two threads.
export function normaliseUrl(url: string): string {
  const u = new URL(url);
  const path = u.pathname.length > 1 ? u.pathname.replace(/\/+$/, '') : u.pathname;
  return `${u.protocol}//${u.host.toLowerCase()}${path}`;
}

export function pageKeyFor(url: string, pageId?: string): string {
  return pageId ? `id:${pageId}` : normaliseUrl(url);
}

export function isUnderAllowedOrigin(url: string, allowedOrigins: string[]): boolean {
  const origin = new URL(url).origin.toLowerCase();
  return allowedOrigins.some((allowed) => allowed.toLowerCase().replace(/\/+$/, '') === origin);
}
