// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fillCounts } from '../../../widget/loader/fill-counts';
import { ARTICLE_URL, createTestContext, PERSONAS } from '../../support/app';
import { API_ORIGIN, appFetch, seedComment } from '../../support/widget';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('fillCounts', () => {
  it('fills "N comments" for elements naming an article by URL or page id', async () => {
    const t = await createTestContext();
    await seedComment(t, PERSONAS.alice, 'One');
    await seedComment(t, PERSONAS.bob, 'Two');
    document.body.innerHTML = `
      <a data-parley-count data-parley-url="${ARTICLE_URL}">…</a>
      <span data-parley-count data-parley-url="${ARTICLE_URL}#comments">…</span>
      <span data-parley-count data-parley-page-id="unknown-page">…</span>
      <span data-parley-count>untouched</span>`;
    await fillCounts(document, { api: API_ORIGIN, site: 'daily', fetch: appFetch(t) });
    expect(Array.from(document.querySelectorAll('[data-parley-count]'), (e) => e.textContent)).toEqual(['2 comments', '2 comments', '0 comments', 'untouched']);
  });

  it('asks for at most 100 values per request', async () => {
    const t = await createTestContext();
    document.body.innerHTML = Array.from({ length: 150 }, (_, i) => `<span data-parley-count data-parley-page-id="p${i}"></span>`).join('');
    const requests: string[] = [];
    await fillCounts(document, { api: API_ORIGIN, site: 'daily', fetch: appFetch(t, requests) });
    expect(requests.map((r) => new URLSearchParams(r.split('?')[1]).getAll('pageId').length)).toEqual([100, 50]);
    expect(document.querySelector('span')?.textContent).toBe('0 comments');
  });
});
