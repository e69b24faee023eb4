// What @libsql/client really throws when its server is gone or answers 503, and what it throws
// for a bad statement: only the first two may become StoreUnavailableError (503 to the reader).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@libsql/client';
import { createClient as createWebClient } from '@libsql/client/web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, isUnreachable, StoreUnavailableError } from '../../../../server/store/libsql/db';
import { freePort } from '../../../support/free-port';

let proxy: Server;
let proxyUrl: string;
beforeAll(async () => {
  // A gateway in front of a restarting server: 503 with a plain-text body.
  proxy = createServer((_req, res) => res.writeHead(503, { 'Content-Type': 'text/plain' }).end('upstream unavailable'));
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

const clients = { node: createClient, web: createWebClient };

describe.each(Object.entries(clients))('@libsql/client (%s) against an unreachable server', (_name, create) => {
  it('reports a refused connection as unreachable, and the store turns it into StoreUnavailableError', async () => {
    const client = create({ url: `http://127.0.0.1:${await freePort()}` });
    const error = await client.execute('SELECT 1').catch((e: unknown) => e);
    expect(isUnreachable(error)).toBe(true);
    await expect(createDb(client).read('SELECT 1')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(createDb(client).write([{ sql: 'SELECT 1', args: [] }])).rejects.toBeInstanceOf(StoreUnavailableError);
    client.close();
  });

  it('reports a 503 from a gateway as unreachable', async () => {
    const client = create({ url: proxyUrl });
    const error = await client.execute('SELECT 1').catch((e: unknown) => e);
    expect(isUnreachable(error)).toBe(true);
    client.close();
  });
});

describe('errors that are not about reaching the database', () => {
  it('leaves statement errors alone', async () => {
    const client = createClient({ url: ':memory:' });
    await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY)');
    await client.execute('INSERT INTO t VALUES (1)');
    for (const sql of ['INSERT INTO t VALUES (1)', 'SELECT * FROM nosuch', 'SELEC 1']) {
      const error = await client.execute(sql).catch((e: unknown) => e);
      expect(isUnreachable(error), sql).toBe(false);
    }
    client.close();
  });
});
