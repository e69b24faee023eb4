import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths } from '../../../shared/api-paths';
import { ARTICLE_URL, createTestContext, PERSONAS, type TestContext } from '../../support/app';
import { openThread, refusal, threadPath } from '../../support/api';

let t: TestContext;
let alice: string;
let threadId: string;
let commentsPath: string;

beforeAll(async () => {
  t = await createTestContext();
  alice = await t.sign(PERSONAS.alice);
  threadId = (await openThread(t)).thread.id;
  commentsPath = apiPaths.comments('daily', threadId);
});
afterAll(() => t.close());

const commentCount = async () => (await openThread(t)).thread.commentCount;

describe('request bodies', () => {
  it('refuses a body that is not JSON with 400 malformed_json', async () => {
    for (const body of ['{"body": "unterminated', 'body=hello', '', '{"body":"a",}']) {
      const res = await t.call('POST', commentsPath, { token: alice, body, headers: { 'Content-Type': 'application/json' } });
      expect(await refusal(res), body).toMatchObject({ status: 400, code: 'malformed_json' });
    }
  });

  it('refuses wrong types, missing and unknown fields with 400 invalid_input naming each field', async () => {
    const cases: [unknown, string][] = [
      [{ body: 42 }, 'body'],
      [{}, 'body'],
      [{ body: '   ' }, 'body'],
      [{ body: 'hi', parentId: 'not an id!' }, 'parentId'],
      [{ body: 'hi', parentId: 7 }, 'parentId'],
    ];
    for (const [body, field] of cases) {
      const res = await t.call('POST', commentsPath, { token: alice, body });
      const r = await refusal(res);
      expect(r, JSON.stringify(body)).toMatchObject({ status: 400, code: 'invalid_input' });
      expect(Object.keys(r.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    const unknown = await refusal(await t.call('POST', commentsPath, { token: alice, body: { body: 'hi', status: 'published' } }));
    expect(unknown).toMatchObject({ status: 400, code: 'invalid_input' });
    expect(JSON.stringify(unknown.fields)).toContain('status');
    for (const body of [null, [], 'just a string', 7]) {
      expect(await refusal(await t.call('POST', commentsPath, { token: alice, body: JSON.stringify(body) }))).toMatchObject({ status: 400, code: 'invalid_input' });
    }
    expect(await commentCount()).toBe(0);
  });

  it('refuses a comment over 5000 characters with 400, naming the body', async () => {
    const res = await t.call('POST', commentsPath, { token: alice, body: { body: 'x'.repeat(5001) } });
    expect(await refusal(res)).toMatchObject({ status: 400, code: 'invalid_input', fields: { body: expect.stringContaining('5000') } });
  });

  it('refuses a request body over 64 KiB with 413 payload_too_large', async () => {
    const res = await t.call('POST', commentsPath, { token: alice, body: { body: 'x'.repeat(65 * 1024) } });
    expect(await refusal(res)).toMatchObject({ status: 413, code: 'payload_too_large' });
    const declared = await t.app.request(commentsPath, {
      method: 'POST',
      headers: { Authorization: `Bearer ${alice}`, 'Content-Type': 'application/json', 'Content-Length': String(100 * 1024) },
      body: JSON.stringify({ body: 'small' }).padEnd(100 * 1024, ' '),
    });
    expect(await refusal(declared)).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('refuses a body sent as something other than JSON with 415 unsupported_media_type', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await t.call('POST', commentsPath, { token: alice, body: JSON.stringify({ body: 'hi' }), headers: { 'Content-Type': type } });
      expect(await refusal(res), type).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    }
    const none = await t.app.request(commentsPath, { method: 'POST', headers: { Authorization: `Bearer ${alice}` }, body: JSON.stringify({ body: 'hi' }) });
    expect(await refusal(none)).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect(await commentCount()).toBe(0);
  });

  it('accepts JSON with a charset parameter', async () => {
    const res = await t.call('POST', commentsPath, { token: alice, body: JSON.stringify({ body: 'hi' }), headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    expect(res.status).toBe(201);
  });
});

describe('paths and queries', () => {
  it('answers 404 site_not_found for an unknown or malformed site', async () => {
    for (const site of ['nosuchsite', 'UPPER', '-dash', 'a'.repeat(80)]) {
      expect(await refusal(await t.call('GET', threadPath(site, { url: ARTICLE_URL }))), site).toMatchObject({ status: 404, code: 'site_not_found' });
    }
  });

  it('answers 404 not_found for an unknown route, inside and outside a site', async () => {
    for (const path of ['/nope', '/api/v2/sites/daily/thread', '/api/v1/sites/daily/nope', `${commentsPath}/extra`]) {
      expect(await refusal(await t.call('GET', path)), path).toMatchObject({ status: 404, code: 'not_found' });
    }
    expect(await refusal(await t.call('DELETE', apiPaths.thread('daily'), { token: alice }))).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('refuses malformed ids with 400 invalid_input', async () => {
    for (const id of ['has space', 'semi;colon', 'x'.repeat(65), "quote'"]) {
      expect(await refusal(await t.call('GET', apiPaths.comments('daily', id))), id).toMatchObject({ status: 400, code: 'invalid_input' });
      expect(await refusal(await t.call('PATCH', apiPaths.comment('daily', id), { token: alice, body: { body: 'x' } })), id).toMatchObject({ status: 400, code: 'invalid_input' });
      expect(await refusal(await t.call('PUT', apiPaths.like('daily', id), { token: alice })), id).toMatchObject({ status: 400, code: 'invalid_input' });
    }
  });

  it('refuses a thread query without a URL, or with a URL that is not http(s)', async () => {
    for (const query of ['', '?url=', '?url=javascript:alert(1)', '?url=ftp://news.example/a', `?url=${encodeURIComponent('https://')}`]) {
      const res = await t.call('GET', `${apiPaths.thread('daily')}${query}`);
      expect(await refusal(res), query).toMatchObject({ status: 400, code: 'invalid_input' });
    }
  });
});
