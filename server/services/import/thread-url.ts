// An imported thread's page key: the source's URL with its domain mapped (--map-domain), then
// normalised as every page key is (threads/page-key.ts), so an article keeps one thread whether a
// reader opened it first or the import made it.
import { normaliseUrl } from '../threads/page-key';

/** Old host → new host, e.g. "blog.example.com" → "news.example.com". */
export type DomainMap = Map<string, string>;

export function parseDomainMap(pairs: string[]): DomainMap {
  const map: DomainMap = new Map();
  for (const pair of pairs) {
    const [from, to, ...rest] = pair.split('=');
    if (!from || !to || rest.length) throw new Error(`--map-domain takes old.example=new.example, not "${pair}"`);
    map.set(from.trim().toLowerCase(), to.trim().toLowerCase());
  }
  return map;
}

/** The canonical URL for a source URL, or null when it is not an http(s) URL at all. */
export function importedThreadUrl(url: string, domains: DomainMap): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const mapped = domains.get(parsed.host.toLowerCase()) ?? domains.get(parsed.hostname.toLowerCase());
  if (mapped) parsed.host = mapped;
  return normaliseUrl(parsed.href);
}
