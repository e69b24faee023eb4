// A long review queue written straight into a site's database: members, and pending comments a
// second apart, each held by the civility rule with its own score (so every sort has an order),
// for the dashboard's end-to-end tests and the queue bench. Only preparation: everything
// measured or checked goes through the real server.
import type { Client, InStatement } from '@libsql/client';

export interface QueueSeed {
  siteId: string;
  threadId: string;
  count: number;
  /** Members the comments are spread over. */
  members?: number;
  /** The newest comment's time; the others are a second apart before it. */
  newest?: number;
  /** Marks the ids and names, so seeds of one database never meet. */
  tag?: string;
}

const WORDS = 'council budget library branch fare ridership transit school parents housing rent zoning park bridge market vote street bus evening shift nurses clinic energy winter museum'.split(' ');

/** A varied body, the same for the same n, with "idiot" where the civility rule would hold it. */
export function seededBody(n: number): string {
  let x = (n * 2654435761) >>> 0;
  const words: string[] = [];
  for (let i = 0; i < 10 + (n % 17); i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    words.push(WORDS[x % WORDS.length]);
  }
  return `Only an idiot would back the ${words.join(' ')} plan (${n}).`;
}

/** Writes the members and comments in a few write batches; returns the comment ids, newest first. */
export async function seedPendingQueue(client: Client, seed: QueueSeed): Promise<string[]> {
  const { siteId, threadId, count, members = 40, newest = Date.now(), tag = 'seed' } = seed;
  const userRows: InStatement[] = [];
  for (let m = 0; m < members; m++) {
    userRows.push({
      sql: `INSERT INTO users (id, site_id, external_id, display_name, tier, role, badges, created_at, updated_at) VALUES (?, ?, ?, ?, 'member', 'member', '[]', ?, ?)`,
      args: [`${tag}-u${m}`, siteId, `${tag}-member-${m}`, `Reader ${tag} ${m}`, newest - 86_400_000, newest - 86_400_000],
    });
  }
  await client.batch(userRows, 'write');
  const ids: string[] = [];
  const columns = 'id, site_id, thread_id, parent_id, root_id, depth, author_id, body_src, body_html, status, featured, like_count, created_at, reasons';
  const perStatement = 200;
  let batch: InStatement[] = [];
  for (let from = 0; from < count; from += perStatement) {
    const rows = [];
    for (let n = from; n < Math.min(count, from + perStatement); n++) {
      const id = `${tag}-c${n.toString(36).padStart(5, '0')}`;
      ids.push(id);
      const body = seededBody(n);
      const reasons = JSON.stringify([{ ruleId: 'civility', message: 'Reads as a personal attack', spans: [{ start: 8, end: 13 }], score: 0.5 + ((n * 37) % 50) / 100 }]);
      rows.push([id, siteId, threadId, null, id, 0, `${tag}-u${n % members}`, body, `<p>${body}</p>`, 'pending', 0, 0, newest - (count - n) * 1000, reasons]);
    }
    batch.push({ sql: `INSERT INTO comments (${columns}) VALUES ${rows.map(() => '(?,?,?,?,?,?,?,?,?,?,?,?,?,?)').join(',')}`, args: rows.flat() });
    if (batch.length === 8) {
      await client.batch(batch, 'write');
      batch = [];
    }
  }
  if (batch.length) await client.batch(batch, 'write');
  return ids.reverse();
}
