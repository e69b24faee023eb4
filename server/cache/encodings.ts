// Guest thread pages sent compressed: a page of 250 comments is ~110 kB of JSON and ~12 kB in
// brotli. Each encoding is made once per cached page (the runtime's Compressor, Node's zlib) and
// served to every reader asking for it. Workers have none here: Cloudflare compresses at the edge.

export type ContentEncoding = 'br' | 'gzip';

export interface Compressor {
  encode(body: Uint8Array, encoding: ContentEncoding): Promise<Uint8Array>;
}

/** The best encoding the request accepts, brotli first; null for none (or no compressor). */
export function chooseEncoding(acceptEncoding: string | undefined, compressor: Compressor | undefined): ContentEncoding | null {
  if (!compressor || !acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const wanted = (name: ContentEncoding) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return wanted('br') ? 'br' : wanted('gzip') ? 'gzip' : null;
}
