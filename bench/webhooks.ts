// Webhooks: how fast the outbox dispatcher empties a backlog into a local receiver (throughput),
// and how long an event waits from its commit to the receiver with the Node server's loop
// running at its default interval (latency). The receiver answers 200 at once, on 127.0.0.1.
import { createServer } from 'node:http';
import { createLibsqlStore } from '../server/store/libsql';
import { dispatchOnce } from '../server/services/events/dispatch';
import { startDispatcherLoop } from '../server/services/events/dispatcher-loop';
import { nodeOutbound } from '../server/runtime/node-outbound';
import { newWebhookSecret } from '../server/services/events/sign-webhook';
import type { ServiceDeps } from '../server/services/deps';
import { BENCH_SITE, openTempDb, saveBenchSite } from './seed';

const BACKLOG = 2000;
const LATENCY_SAMPLES = 40;

export interface WebhookResult {
  backlog: number;
  deliveriesPerSecond: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  intervalMs: number;
}

export async function benchWebhooks(opts: { log?: (s: string) => void } = {}): Promise<WebhookResult> {
  const log = opts.log ?? (() => {});
  const db = await openTempDb();
  const arrivals = new Map<string, number>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      arrivals.set(String(req.headers['webhook-id']), performance.now());
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  try {
    await saveBenchSite(db.client);
    const store = createLibsqlStore(db.client);
    await store.saveWebhook({ id: 'bench-hook', siteId: BENCH_SITE, url: `http://127.0.0.1:${port}/hook`, secret: newWebhookSecret(), eventTypes: ['*'], enabled: true, description: '', allowPrivateNetwork: true, createdAt: 0, updatedAt: 0 });
    const deps: ServiceDeps = { store, now: Date.now, newId: () => 'x', ipSalt: 'x', outbound: nodeOutbound, privateNetworkAllowed: true };
    // Throughput: a backlog, drained by passes as fast as they go (the default per-endpoint cap of 4).
    // webhook.test events are not fanned out by type, so each gets its delivery row here.
    await db.client.batch(
      Array.from({ length: BACKLOG }, (_, i) => ({
        sql: `INSERT INTO outbox_events (id, site_id, type, payload, created_at, fanned_out) VALUES (?, ?, 'webhook.test', '{"version":1,"message":"bench"}', ?, 1)`,
        args: [`b${i}`, BENCH_SITE, Date.now()],
      })).concat(
        Array.from({ length: BACKLOG }, (_, i) => ({
          sql: `INSERT INTO deliveries (id, site_id, event_id, endpoint_id, status, attempts, next_at, created_at) VALUES (?, ?, ?, 'bench-hook', 'pending', 0, 0, 0)`,
          args: [`b${i}:bench-hook`, BENCH_SITE, `b${i}`],
        })),
      ),
      'write',
    );
    const started = performance.now();
    for (let delivered = 0; delivered < BACKLOG; ) delivered += (await dispatchOnce(deps, { batch: 100 })).delivered;
    const seconds = (performance.now() - started) / 1000;
    const deliveriesPerSecond = Math.round(BACKLOG / seconds);
    log(`webhooks: ${BACKLOG} deliveries in ${seconds.toFixed(2)} s`);

    // Latency: one event at a time through the loop, as a Node server runs it. The events are
    // comment.created rows, fanned out to the endpoint by type like real ones.
    const intervalMs = 500;
    const loop = startDispatcherLoop(deps, { holder: 'bench', intervalMs });
    const waits: number[] = [];
    try {
      for (let i = 0; i < LATENCY_SAMPLES; i++) {
        const id = `l${i}`;
        await db.client.execute({ sql: `INSERT INTO outbox_events (id, site_id, type, payload, created_at) VALUES (?, ?, 'comment.created', '{"version":1}', ?)`, args: [id, BENCH_SITE, Date.now()] });
        const committed = performance.now();
        while (!arrivals.has(id)) await new Promise((r) => setTimeout(r, 2));
        waits.push(arrivals.get(id)! - committed);
        // Land at different points of the interval.
        await new Promise((r) => setTimeout(r, 37 * (i % 7)));
      }
    } finally {
      await loop.stop();
    }
    waits.sort((a, b) => a - b);
    const at = (q: number) => Math.round(waits[Math.min(waits.length - 1, Math.floor(q * waits.length))]);
    return { backlog: BACKLOG, deliveriesPerSecond, latencyP50Ms: at(0.5), latencyP95Ms: at(0.95), intervalMs };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    db.dispose();
  }
}
