// Helpers for the backends on a shared sqld: emptying its tables between test contexts, and an
// app whose `request` is forwarded to the worker in workerd.
import { request as httpRequest } from 'node:http';
import type { Client } from '@libsql/client';
import type { TestApp } from '../app';

export const TEST_NOW_HEADER = 'X-Parley-Test-Now';

let deleteOrder: string[] | undefined;

/** Deletes every row of every table but the migrations record, children before parents. */
export async function wipeTables(client: Client): Promise<void> {
  deleteOrder ??= await tablesChildrenFirst(client);
  await client.batch(deleteOrder.map((table) => `DELETE FROM "${table}"`), 'write');
}

async function tablesChildrenFirst(client: Client): Promise<string[]> {
  // Virtual tables (the search index) and their shadow tables follow their content by triggers.
  const names = (await client.execute("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'")).rows
    .map((r) => String(r.name))
    .filter((name) => name !== 'schema_migrations' && !name.startsWith('sqlite_') && !name.startsWith('libsql_') && !name.startsWith('_'));
  const parents = new Map<string, string[]>();
  for (const name of names) {
    const fks = await client.execute({ sql: 'SELECT "table" AS parent FROM pragma_foreign_key_list(?)', args: [name] });
    parents.set(name, fks.rows.map((r) => String(r.parent)).filter((p) => p !== name));
  }
  // A table goes after every table that refers to it.
  const order: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (order.includes(name) || path.has(name)) return;
    path.add(name);
    for (const child of names.filter((n) => parents.get(n)?.includes(name))) visit(child, path);
    path.delete(name);
    order.push(name);
  };
  for (const name of names) visit(name, new Set());
  return order;
}

/** An app whose requests go to the worker at base, each with the extra headers of the moment. */
export function remoteApp(base: string, extraHeaders: () => Record<string, string>): TestApp {
  const request = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const original = input instanceof Request ? input : new Request(absolute(String(input)), init);
    const url = new URL(original.url);
    const headers: Record<string, string> = {};
    original.headers.forEach((value, name) => (headers[name] = value));
    for (const [name, value] of Object.entries(extraHeaders())) headers[name] = value;
    const body = original.method === 'GET' || original.method === 'HEAD' ? null : Buffer.from(await original.arrayBuffer());
    if (body) headers['content-length'] = String(body.length);
    return send(base + url.pathname + url.search, original.method, headers, body);
  };
  return { request } as unknown as TestApp;
}

// node:http on a fresh connection per request rather than fetch: workerd closes a connection whose
// request body it did not read, and a pooled fetch then fails the next request sent on it.
function send(target: string, method: string, headers: Record<string, string>, body: Buffer | null): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(target, { method, headers, agent: false }, (res) => {
      const chunks: Uint8Array[] = [];
      res.on('data', (chunk: Uint8Array) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const status = res.statusCode ?? 500;
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) responseHeaders.append(name, v);
        }
        const nullBody = method === 'HEAD' || status === 204 || status === 304;
        resolve(new Response(nullBody ? null : new Uint8Array(Buffer.concat(chunks)), { status, headers: responseHeaders }));
      });
    });
    req.on('error', reject);
    req.setTimeout(15_000, () => req.destroy(new Error(`no answer from the worker within 15 s: ${method} ${target}`)));
    req.end(body ?? undefined);
  });
}

function absolute(input: string): string {
  return /^https?:\/\//i.test(input) ? input : `http://localhost${input.startsWith('/') ? '' : '/'}${input}`;
}
