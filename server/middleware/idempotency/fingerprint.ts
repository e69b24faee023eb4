// What makes two requests "the same request" for an idempotency key: method, path and body.
import type { Context } from 'hono';
import { sha256Hex } from '../../services/sha256';

export async function requestFingerprint(c: Context): Promise<string> {
  // Hono keeps the body it read, as text or as parsed JSON, and gives text back either way (as
  // JSON.stringify of what it parsed, when that came first). Parsing and writing out again here
  // makes the two the same, and spacing no difference.
  const text = c.req.method === 'GET' || c.req.method === 'HEAD' ? '' : await c.req.text();
  let body = text;
  try {
    body = JSON.stringify(JSON.parse(text));
  } catch {
    // Not JSON (or empty): the bytes as they came.
  }
  return sha256Hex(`${c.req.method} ${new URL(c.req.url).pathname}\n${body}`);
}
