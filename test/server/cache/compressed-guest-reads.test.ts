// Guest thread pages compressed for readers who accept it: the same JSON in brotli or gzip,
// each encoding its own representation (ETag, 304), made once per page; members' pages and
// readers who accept neither get it as it is.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeCompressor } from '../../../server/runtime/node-compress';
import { memoryResponseCache } from '../../../server/cache/response-cache';
import type { Compressor } from '../../../server/cache/encodings';
import { createTestContext, PERSONAS, type TestContext } from '../../support/app';
import { postComment, threadPath, withoutFloodLimit } from '../../support/api';
import { ARTICLE_URL } from '../../support/app';

let t: TestContext;
afterEach(() => t?.close());

async function withComments() {
  let encodes = 0;
  const compressor: Compressor = { encode: (body, enc) => (encodes++, nodeCompressor.encode(body, enc)) };
  t = await createTestContext({ site: withoutFloodLimit(), deps: { compressor, responseCache: memoryResponseCache(), guestRevalidateMs: 1000 } });
  const alice = await t.sign(PERSONAS.alice);
  const first = await t.call('GET', threadPath(t.site.id, { url: ARTICLE_URL }), { token: alice });
  const threadId = (await first.json()).thread.id;
  for (let i = 0; i < 30; i++) await postComment(t, threadId, alice, `Comment ${i}: the same words compress well, the same words compress well.`);
  return { alice, encodes: () => encodes };
}

const read = (headers: Record<string, string> = {}, token?: string) => t.call('GET', threadPath(t.site.id, { url: ARTICLE_URL }), { headers, token });

describe('compressed guest pages', () => {
  it('sends the same JSON in brotli or gzip, as each reader accepts, with its own ETag and a 304 for it', async () => {
    const { encodes } = await withComments();
    const plain = await read();
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(plain.headers.get('Vary')).toContain('Accept-Encoding');
    const json = await plain.text();

    const br = await read({ 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers.get('Content-Encoding')).toBe('br');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brotliDecompressSync(brBytes).toString()).toBe(json);
    expect(brBytes.byteLength).toBeLessThan(json.length / 4);
    expect(br.headers.get('ETag')).not.toBe(plain.headers.get('ETag'));

    const gz = await read({ 'Accept-Encoding': 'gzip;q=1, br;q=0' });
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(json);

    expect((await read({ 'Accept-Encoding': 'br', 'If-None-Match': br.headers.get('ETag')! })).status).toBe(304);
    // The plain ETag is not the brotli representation's.
    expect((await read({ 'Accept-Encoding': 'br', 'If-None-Match': plain.headers.get('ETag')! })).status).toBe(200);
    expect((await read({ 'Accept-Encoding': 'identity' })).headers.get('Content-Encoding')).toBeNull();

    // Made once per page and encoding, however many read it.
    const made = encodes();
    for (let i = 0; i < 5; i++) await read({ 'Accept-Encoding': 'br' });
    t.clock.now += 2000;
    for (let i = 0; i < 5; i++) await read({ 'Accept-Encoding': 'br' });
    expect(encodes()).toBe(made);
  });

  it('leaves a member’s own page as it is', async () => {
    const { alice } = await withComments();
    const mine = await read({ 'Accept-Encoding': 'br' }, alice);
    expect(mine.headers.get('Content-Encoding')).toBeNull();
    expect((await mine.json()).viewer.signedIn).toBe(true);
  });
});
