// The demo publisher and Parley on one port, as a function so end-to-end tests can start it.
import { join } from 'node:path';
import { startNodeServer, type NodeServer, type ServerEnv } from '../server/runtime/node';
import { demoRoutes } from './routes';
import { seedDemo } from './seed';
import { loadOrCreateSecrets, type DemoSecrets } from './site';
import { startDemoMailbox, type DemoMailbox } from './mailbox';

export interface DemoServer extends NodeServer {
  origin: string;
  secrets: DemoSecrets;
}

export async function startDemo(given: ServerEnv, dataDir = 'data'): Promise<DemoServer> {
  const secrets = loadOrCreateSecrets(join(dataDir, 'demo-secrets.json'));
  const origin = `http://localhost:${given.PORT}`;
  const origins = [origin, `http://127.0.0.1:${given.PORT}`];
  // Without a mail server of the publisher's own, mail goes to the demo's mailbox (/demo/mailbox),
  // soon after it is due rather than after the minute a real site waits to batch replies.
  let mailbox: DemoMailbox | null = null;
  if (!given.SMTP_URL && !given.MAIL_HTTP_URL) mailbox = await startDemoMailbox();
  const env: ServerEnv = mailbox ? { ...given, SMTP_URL: mailbox.url, PUBLIC_URL: given.PUBLIC_URL ?? origin, MAIL_GATHER_MS: Math.min(given.MAIL_GATHER_MS, 5_000) } : given;
  const server = await startNodeServer({
    env,
    quiet: true,
    mount: async (app, store) => {
      await seedDemo(store, origins, origin, secrets);
      app.route('/', demoRoutes({ secrets, canonicalOrigin: origin, mail: mailbox?.messages }));
    },
  });
  return {
    ...server,
    origin,
    secrets,
    async close() {
      await server.close();
      await mailbox?.close();
    },
  };
}
