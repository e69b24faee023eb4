// The demo publisher and Parley on one port, as a function so end-to-end tests can start it.
import { join } from 'node:path';
import { startNodeServer, type NodeServer, type ServerEnv } from '../server/runtime/node';
import { demoRoutes } from './routes';
import { seedDemo } from './seed';
import { loadOrCreateSecrets, type DemoSecrets } from './site';

export interface DemoServer extends NodeServer {
  origin: string;
  secrets: DemoSecrets;
}

export async function startDemo(env: ServerEnv, dataDir = 'data'): Promise<DemoServer> {
  const secrets = loadOrCreateSecrets(join(dataDir, 'demo-secrets.json'));
  const origin = `http://localhost:${env.PORT}`;
  const origins = [origin, `http://127.0.0.1:${env.PORT}`];
  const server = await startNodeServer({
    env,
    quiet: true,
    mount: async (app, store) => {
      await seedDemo(store, origins, origin, secrets);
      app.route('/', demoRoutes({ secrets, canonicalOrigin: origin }));
    },
  });
  return { ...server, origin, secrets };
}
