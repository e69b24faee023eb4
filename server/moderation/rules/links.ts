// Content: links in the Markdown (inline `[x](url)`, `<autolinks>`, bare URLs and bare domains,
// which the renderer linkifies). A link to a blocked domain rejects; more links than the site
// allows, not counting its allowed domains, gets the configured action.
import type { Reason, Rule } from '../types';

export interface FoundLink {
  host: string;
  start: number;
  end: number;
}

export const links: Rule = {
  id: 'links',
  check(draft, ctx) {
    const { enabled, maxLinks, action, allowDomains, denyDomains } = ctx.settings.rules.links;
    if (!enabled) return undefined;
    const found = findLinks(draft.body);
    if (found.length === 0) return undefined;

    const blocked = new Map<string, Reason>();
    for (const link of found) {
      const domain = denyDomains.find((d) => onDomain(link.host, d));
      if (!domain) continue;
      const key = domain.toLowerCase();
      let reason = blocked.get(key);
      if (!reason) blocked.set(key, (reason = { ruleId: 'links', message: `Links to the blocked site “${key}”`, spans: [] }));
      reason.spans.push({ start: link.start, end: link.end, label: 'blocked-link' });
    }
    if (blocked.size > 0) return { status: 'rejected', reasons: [...blocked.values()] };

    const counted = found.filter((link) => !allowDomains.some((d) => onDomain(link.host, d)));
    if (counted.length <= maxLinks) return undefined;
    return {
      status: action === 'reject' ? 'rejected' : 'pending',
      reasons: [
        {
          ruleId: 'links',
          message: `Contains ${counted.length} links; this site allows ${maxLinks} without review`,
          spans: counted.map((link) => ({ start: link.start, end: link.end, label: 'link' })),
        },
      ],
    };
  },
};

/** The host is the domain or one of its subdomains. */
function onDomain(host: string, domain: string): boolean {
  const d = domain.toLowerCase().replace(/^\.+|\.+$/g, '');
  return d !== '' && (host === d || host.endsWith(`.${d}`));
}

// Stops at the characters that end a URL in Markdown or prose: space, <>, brackets and quotes.
const URL_CHARS = '[^\\s<>()\\[\\]"\'`]';
const HTTP_URL = new RegExp(String.raw`https?:\/\/${URL_CHARS}+`, 'giu');
const BARE_DOMAIN = new RegExp(
  String.raw`(?<![\p{L}\p{N}@._-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+([a-z]{2,24}))(?![\p{L}\p{N}_-])(?:[/?#]${URL_CHARS}*)?`,
  'giu',
);
// Top-level domains that are not also common words: "end.The" or "him.It" (a missing space
// after a full stop) must not read as links. Other two-letter country domains count when the
// match has a path or starts with "www.".
const LINK_TLDS = new Set(
  'com net org info biz io co ai app dev gov edu mil int xyz top online site club shop news live blog ly gl uk de fr ru cn jp br au ca ch nl se pl eu tv cc ws fm gg'.split(' '),
);
const TRAILING_PUNCTUATION = /[.,;:!?*_~]+$/;

export function findLinks(body: string): FoundLink[] {
  const found: FoundLink[] = [];
  for (const m of body.matchAll(HTTP_URL)) {
    const url = m[0].replace(TRAILING_PUNCTUATION, '');
    const host = /^https?:\/\/(?:[^/?#@\s]*@)?([^/?#:\s]+)/i.exec(url)?.[1];
    if (host) found.push({ host: cleanHost(host), start: m.index, end: m.index + url.length });
  }
  for (const m of body.matchAll(BARE_DOMAIN)) {
    if (found.some((link) => m.index < link.end && link.start < m.index + m[0].length)) continue;
    const domain = m[1].toLowerCase();
    const tld = m[2].toLowerCase();
    const hasPath = m[0].length > m[1].length;
    if (!LINK_TLDS.has(tld) && !(tld.length === 2 && (hasPath || domain.startsWith('www.')))) continue;
    const text = m[0].replace(TRAILING_PUNCTUATION, '');
    found.push({ host: cleanHost(domain), start: m.index, end: m.index + text.length });
  }
  return found.sort((a, b) => a.start - b.start);
}

function cleanHost(host: string): string {
  return host.toLowerCase().replace(/\.+$/, '');
}
