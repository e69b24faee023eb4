// What makes two requests "the same request" for an idempotency key: method, path and body bytes.
import type { Context } from 'hono';
import { sha256Hex } from '../../services/sha256';

export async function requestFingerprint(c: Context): Promise<string> {
  // Hono keeps the text, so the route's JSON validator reads the same body afterwards.
  const body = c.req.method === 'GET' || c.req.method === 'HEAD' ? '' : await c.req.text();
  return sha256Hex(`${c.req.method} ${new URL(c.req.url).pathname}\n${body}`);
}
