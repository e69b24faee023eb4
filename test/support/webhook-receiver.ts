// A real HTTP receiver for webhook tests, on 127.0.0.1: records every request, checks its
// Standard Webhooks signature with node:crypto (independently of the code under test), and
// answers as the test says: a status, or never (to stand for a receiver that hangs).
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface ReceivedWebhook {
  id: string;
  timestamp: number;
  signature: string;
  verified: boolean;
  body: { type: string; timestamp: string; data: Record<string, any> };
  at: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** How to answer the nth request (0-based): an HTTP status, or 'hang' to never answer. */
  answer: (n: number, hook: ReceivedWebhook) => number | 'hang';
  /** Requests being answered right now. */
  inFlight: number;
  maxInFlight: number;
  close(): Promise<void>;
}

export function verifySignature(secret: string, id: string, timestamp: string, body: string, header: string): boolean {
  const key = new Uint8Array(Buffer.from(secret.replace(/^whsec_/, ''), 'base64'));
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return header.split(' ').some((part) => part === `v1,${expected}`);
}

export async function startWebhookReceiver(secretOf: () => string, options: { delayMs?: number } = {}): Promise<WebhookReceiver> {
  const hanging: ServerResponse[] = [];
  const receiver: WebhookReceiver = {
    url: '',
    received: [],
    answer: () => 200,
    inFlight: 0,
    maxInFlight: 0,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    receiver.inFlight++;
    receiver.maxInFlight = Math.max(receiver.maxInFlight, receiver.inFlight);
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const header = (name: string) => String(req.headers[name] ?? '');
    const hook: ReceivedWebhook = {
      id: header('webhook-id'),
      timestamp: Number(header('webhook-timestamp')),
      signature: header('webhook-signature'),
      verified: verifySignature(secretOf(), header('webhook-id'), header('webhook-timestamp'), raw, header('webhook-signature')),
      body: JSON.parse(raw),
      at: Date.now(),
    };
    const n = receiver.received.push(hook) - 1;
    const answer = receiver.answer(n, hook);
    if (answer === 'hang') return void hanging.push(res);
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    receiver.inFlight--;
    res.writeHead(answer, { 'content-type': 'text/plain' }).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  receiver.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hooks`;
  return receiver;
}
