// Node's zlib for the guest page cache (see cache/encodings.ts): brotli at a middle quality and
// gzip at its default, a few milliseconds once per page version for a body read many times.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Compressor } from '../cache/encodings';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export const nodeCompressor: Compressor = {
  async encode(body, encoding) {
    const out = encoding === 'br' ? await brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } }) : await gz(body);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
};
