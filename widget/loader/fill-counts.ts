// Comment counts for listing pages: every [data-parley-count] element names its article with
// data-parley-url or data-parley-page-id and gets "N comments". 100 values per request at most.
import { apiPaths } from '../../shared/api-paths';

export interface CountOptions {
  api: string;
  site: string;
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
}

const BATCH = 100;

export const countText = (n: number) => (n === 1 ? '1 comment' : `${n} comments`);

export async function fillCounts(doc: Document, options: CountOptions): Promise<void> {
  const doFetch = options.fetch ?? ((input) => fetch(input));
  const wanted = new Map<string, { key: 'url' | 'pageId'; els: HTMLElement[] }>();
  for (const el of Array.from(doc.querySelectorAll<HTMLElement>('[data-parley-count]'))) {
    const { parleyPageId: pageId, parleyUrl: url } = el.dataset;
    const value = pageId || (url && new URL(url, doc.baseURI).href.split('#')[0]);
    if (!value) continue;
    const entry = wanted.get(value) ?? { key: pageId ? 'pageId' : 'url', els: [] };
    entry.els.push(el);
    wanted.set(value, entry);
  }
  const values = [...wanted.keys()];
  const batches: Promise<void>[] = [];
  for (let i = 0; i < values.length; i += BATCH) {
    const qs = new URLSearchParams();
    for (const v of values.slice(i, i + BATCH)) qs.append(wanted.get(v)!.key, v);
    const url = `${options.api.replace(/\/+$/, '')}${apiPaths.counts(options.site)}?${qs}`;
    batches.push(
      doFetch(url)
        .then((res) => (res.ok ? res.json() : null))
        .then((body) => {
          // A listing page must not break over counts: anything unexpected leaves the element as it was.
          const counts = body?.counts ?? {};
          for (const [value, { els }] of wanted) {
            if (typeof counts[value] === 'number') for (const el of els) el.textContent = countText(counts[value]);
          }
        })
        .catch(() => {}),
    );
  }
  await Promise.all(batches);
}
