/** SHA-256 of a text as lower-case hex, optionally only its first `bytes` bytes (Web Crypto: Node and Workers). */
export async function sha256Hex(text: string, bytes = 32): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hex = '';
  for (const b of digest.subarray(0, bytes)) hex += b.toString(16).padStart(2, '0');
  return hex;
}
