import { describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { ARTICLE_URL, createTestContext, PERSONAS } from '../../support/app';

describe('smoke', () => {
  it('a member posts and a guest reads it back', async () => {
    const t = await createTestContext();
    const token = await t.sign(PERSONAS.alice);
    const view = await (await t.call('GET', `${apiPaths.thread('daily')}?url=${encodeURIComponent(ARTICLE_URL)}`, { token })).json();
    expect(view.viewer.canComment).toBe(true);
    const res = await t.call('POST', apiPaths.comments('daily', view.thread.id), { token, body: { body: 'Hello *world*' } });
    expect(res.status).toBe(201);
    const again = await (await t.call('GET', `${apiPaths.thread('daily')}?url=${encodeURIComponent(ARTICLE_URL)}`)).json();
    expect(again.comments.map((c: { html: string }) => c.html)).toEqual(['<p>Hello <em>world</em></p>']);
  });
});
