// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { pollPage } from '../../../widget/api/poll';
import { createTestContext, PERSONAS } from '../../support/app';
import { openThread } from '../../support/api';
import { API_ORIGIN, appFetch, seedComment } from '../../support/widget';

describe('asking for the newest page again', () => {
  it('gets the page and its ETag, a 304 while nothing changed, and the new comment once one is posted', async () => {
    const t = await createTestContext();
    await seedComment(t, PERSONAS.alice, 'First');
    const threadId = (await openThread(t)).thread.id;
    const requests: string[] = [];
    const config = { api: API_ORIGIN, site: t.site.id, fetch: appFetch(t, requests) };

    const first = await pollPage(config, threadId, null);
    if (!first.ok || !first.data) throw new Error('expected a page');
    expect(first.data.page.comments.map((c) => c.author?.name)).toEqual(['Alice']);
    expect(first.data.etag).toMatch(/^".+"$/);

    expect(await pollPage(config, threadId, first.data.etag)).toEqual({ ok: true, data: null });

    await seedComment(t, PERSONAS.bob, 'Second');
    const changed = await pollPage(config, threadId, first.data.etag);
    if (!changed.ok || !changed.data) throw new Error('expected a page');
    expect(changed.data.page.comments.map((c) => c.author?.name)).toEqual(['Bob', 'Alice']);
    expect(changed.data.etag).not.toBe(first.data.etag);
    expect(requests).toEqual(Array(3).fill(`GET /api/v1/sites/daily/threads/${threadId}/comments?sort=newest`));
  });

  it('asks as a guest, whoever reads, so every reader’s poll is the same cached answer', async () => {
    const t = await createTestContext();
    const threadId = (await openThread(t)).thread.id;
    const headers: (HeadersInit | undefined)[] = [];
    await pollPage({ api: API_ORIGIN, site: t.site.id, fetch: async (url, init) => (headers.push(init?.headers), t.app.request(url, init)) }, threadId, '"x"');
    expect(headers).toEqual([{ 'If-None-Match': '"x"' }]);
  });

  it('says what went wrong as an error value: a thread that is not there, or no answer at all', async () => {
    const t = await createTestContext();
    const missing = await pollPage({ api: API_ORIGIN, site: t.site.id, fetch: appFetch(t) }, 'nosuchthread', null);
    expect(missing).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const offline = await pollPage({ api: API_ORIGIN, site: t.site.id, fetch: () => Promise.reject(new TypeError('Failed to fetch')) }, 'x', null);
    expect(offline).toMatchObject({ ok: false, error: { code: 'unreachable' } });
  });
});
