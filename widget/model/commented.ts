// Whether this reader has commented on a site, remembered in the host page's localStorage so
// guidelines shown "before the first comment" fold for good once they have. Storage may be
// refused (privacy modes, sandboxed frames): the widget then only knows what this page shows.
const key = (site: string) => `parley:commented:${site}`;

export function hasCommented(site: string): boolean {
  try {
    return localStorage.getItem(key(site)) === '1';
  } catch {
    return false;
  }
}

export function rememberCommented(site: string): void {
  try {
    localStorage.setItem(key(site), '1');
  } catch {
    // Not remembered: the guidelines open again on the next page, no harm done.
  }
}
