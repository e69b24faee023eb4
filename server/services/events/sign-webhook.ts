// Webhook signatures per the Standard Webhooks convention (standardwebhooks.com): the secret is
// `whsec_` + base64 of the key; the signature is base64(HMAC-SHA256(key, `${id}.${timestamp}.${body}`)),
// sent as `webhook-signature: v1,<signature>`. Web Crypto only, so Node and Workers sign alike.

import { hmacSha256 } from '../sha256';

const PREFIX = 'whsec_';

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** A new secret: 24 random bytes. */
export function newWebhookSecret(): string {
  return PREFIX + toBase64(crypto.getRandomValues(new Uint8Array(24)));
}

export async function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): Promise<string> {
  const key = fromBase64(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret);
  return `v1,${toBase64(await hmacSha256(key, `${id}.${timestampSeconds}.${body}`))}`;
}

/** The headers of one signed request. */
export async function webhookHeaders(secret: string, id: string, timestampSeconds: number, body: string): Promise<Record<string, string>> {
  return {
    'content-type': 'application/json',
    'user-agent': 'Parley-Webhooks/1',
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': await signWebhook(secret, id, timestampSeconds, body),
  };
}
