import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { ThreadResponse } from '../../../shared/schemas/thread';
import { ARTICLE_URL, createTestContext, NEWSLETTER_URL, PERSONAS, TEST_ORIGIN, type TestContext } from '../../support/app';
import { openThread, postComment, refusal, upsertThread } from '../../support/api';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(() => t.close());

describe('site API authentication', () => {
  it('refuses a call without X-Api-Key with 401', async () => {
    expect(await refusal(await upsertThread(t, { url: ARTICLE_URL }, null))).toMatchObject({ status: 401, code: 'not_signed_in' });
  });

  it('refuses a wrong key with 403, including one that differs only in the last character', async () => {
    for (const key of ['wrong', 'site-api-key-for-testz', 'SITE-API-KEY-FOR-TESTS']) {
      expect(await refusal(await upsertThread(t, { url: ARTICLE_URL }, key)), key).toMatchObject({ status: 403, code: 'forbidden' });
    }
  });

  it('refuses every key when the site has no API key configured', async () => {
    const keyless = await createTestContext({ site: { apiKeyHash: null } });
    try {
      const res = await keyless.call('PUT', apiPaths.adminThreads('daily'), { body: { url: ARTICLE_URL }, headers: { 'X-Api-Key': 'anything' } });
      expect(await refusal(res)).toMatchObject({ status: 403, code: 'forbidden' });
    } finally {
      keyless.close();
    }
  });

  it('does not accept a member token in place of the key', async () => {
    const res = await t.call('PUT', apiPaths.adminThreads('daily'), { token: await t.sign(PERSONAS.mod), body: { url: ARTICLE_URL } });
    expect(await refusal(res)).toMatchObject({ status: 401, code: 'not_signed_in' });
  });
});

describe('PUT admin/threads', () => {
  it('registers a thread with title, section and closed state', async () => {
    const res = await upsertThread(t, { url: ARTICLE_URL, title: 'City budget', section: 'opinion', closed: false });
    expect(res.status).toBe(200);
    const { thread } = ThreadResponse.parse(await res.json());
    expect(thread).toMatchObject({ url: ARTICLE_URL, title: 'City budget', section: 'opinion', closed: false, commentCount: 0 });
    expect((await openThread(t)).thread.id).toBe(thread.id);
  });

  it('sets a section that then wins over URL rules and cannot be changed from the browser', async () => {
    await upsertThread(t, { url: NEWSLETTER_URL, section: 'news' });
    const nell = await t.sign(PERSONAS.nell);
    const view = await openThread(t, { url: `${NEWSLETTER_URL}/`, token: nell, title: 'Other title' });
    expect(view.thread.section).toBe('news');
    expect(view.viewer.reason).toBe('tier_not_allowed_here');
    const locked = await t.client.execute('SELECT section, section_locked FROM threads');
    expect(locked.rows.map((r) => [r.section, Number(r.section_locked)])).toEqual([['news', 1]]);
  });

  it('moves an existing thread to a new section', async () => {
    const before = await openThread(t, { url: NEWSLETTER_URL });
    expect(before.thread.section).toBe('newsletter');
    const res = await upsertThread(t, { url: NEWSLETTER_URL, section: 'news' });
    expect((await res.json()).thread).toMatchObject({ id: before.thread.id, section: 'news' });
  });

  it('closes and reopens a thread', async () => {
    const threadId = (await openThread(t)).thread.id;
    const alice = await t.sign(PERSONAS.alice);
    expect((await (await upsertThread(t, { url: ARTICLE_URL, closed: true })).json()).thread.closed).toBe(true);
    expect((await refusal(await t.call('POST', apiPaths.comments('daily', threadId), { token: alice, body: { body: 'hi' } }))).code).toBe('thread_closed');
    expect((await (await upsertThread(t, { url: ARTICLE_URL, closed: false })).json()).thread.closed).toBe(false);
    await postComment(t, threadId, alice, 'hi again');
  });

  it('refuses URLs outside the allowed origins and bodies that do not fit the schema', async () => {
    expect(await refusal(await upsertThread(t, { url: 'https://elsewhere.example/a' }))).toMatchObject({ status: 403, code: 'origin_not_allowed' });
    expect(await refusal(await upsertThread(t, { url: `${TEST_ORIGIN}/a`, section: 'Not A Section' }))).toMatchObject({
      status: 400,
      code: 'invalid_input',
      fields: { section: expect.any(String) },
    });
    expect(await refusal(await upsertThread(t, { url: `${TEST_ORIGIN}/a`, owner: 'me' }))).toMatchObject({ status: 400, code: 'invalid_input' });
    expect(await refusal(await upsertThread(t, { url: `${TEST_ORIGIN}/a`, closed: 'yes' }))).toMatchObject({ status: 400, code: 'invalid_input', fields: { closed: expect.any(String) } });
  });
});
