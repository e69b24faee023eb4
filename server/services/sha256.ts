/** SHA-256 of a text as lower-case hex, optionally only its first `bytes` bytes (Web Crypto: Node and Workers). */
export async function sha256Hex(text: string, bytes = 32): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hex = '';
  for (const b of digest.subarray(0, bytes)) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** HMAC-SHA256 of a text under a raw key (Web Crypto: Node and Workers). */
export async function hmacSha256(key: Uint8Array<ArrayBuffer> | string, text: string): Promise<Uint8Array> {
  const raw = typeof key === 'string' ? new TextEncoder().encode(key) : key;
  const imported = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', imported, new TextEncoder().encode(text)));
}
