// The dispatcher's side of the outbox: fan events out to deliveries, claim the due ones under a
// lease, record what happened. Every step is one transaction, so a process that dies between
// steps leaves either the old state or the new one, and a lease that runs out hands a delivery on.
import type { Row } from '@libsql/client';
import type { Db } from './db';
import type { ClaimedDelivery, ClaimRequest, DeliveryFilter, DeliveryOutcome, DeliveryRecord, WebhookEndpointRecord } from '../events-port';
import type { EventType } from '../../../shared/schemas/events';
import { noticeStatements } from './mail';

/** The events being fanned out: the oldest not yet fanned out. The same rows in both statements of the transaction. */
const NEXT_EVENTS = 'SELECT id FROM outbox_events WHERE fanned_out = 0 ORDER BY created_at, id LIMIT ?';

export async function hasDispatchWork(db: Db, now: number): Promise<boolean> {
  const rs = await db.read({
    sql: `SELECT EXISTS (SELECT 1 FROM outbox_events WHERE fanned_out = 0)
            OR EXISTS (SELECT 1 FROM deliveries WHERE status = 'pending' AND next_at <= ?)
            OR EXISTS (SELECT 1 FROM deliveries WHERE status = 'sending' AND lease_until <= ?) AS work`,
    args: [now, now],
  });
  return Number(rs.rows[0]?.work) === 1;
}

export async function fanOutEvents(db: Db, limit: number): Promise<number> {
  const written = await db.write([
    {
      sql: `INSERT OR IGNORE INTO deliveries (id, site_id, event_id, endpoint_id, status, attempts, next_at, created_at)
            SELECT e.id || ':' || w.id, e.site_id, e.id, w.id, 'pending', 0, e.created_at, e.created_at
            FROM outbox_events e JOIN webhook_endpoints w ON w.site_id = e.site_id AND w.enabled = 1
            WHERE e.id IN (${NEXT_EVENTS}) AND e.type != 'webhook.test'
              AND EXISTS (SELECT 1 FROM json_each(w.event_types) WHERE value = '*' OR value = e.type)`,
      args: [limit],
    },
    // What members are to be mailed about, in the same step: an event is fanned out to both or neither.
    ...noticeStatements(NEXT_EVENTS, [limit]),
    { sql: `UPDATE outbox_events SET fanned_out = 1 WHERE id IN (${NEXT_EVENTS})`, args: [limit] },
  ]);
  return written[written.length - 1].rowsAffected;
}

export async function claimDeliveries(db: Db, r: ClaimRequest): Promise<ClaimedDelivery[]> {
  // Due: pending and its time has come, or sending with its lease run out (its sender died).
  // Each endpoint gets at most `perEndpoint` in flight, counting those already out.
  const [claimed] = await db.write([
    {
      sql: `UPDATE deliveries SET status = 'sending', lease_until = ?, attempts = attempts + 1
            WHERE id IN (
              SELECT id FROM (
                SELECT d.id, d.next_at,
                  ROW_NUMBER() OVER (PARTITION BY d.endpoint_id ORDER BY d.next_at, d.id)
                    + (SELECT COUNT(*) FROM deliveries s WHERE s.endpoint_id = d.endpoint_id AND s.status = 'sending' AND s.lease_until > ?) AS slot
                FROM deliveries d
                WHERE (d.status = 'pending' AND d.next_at <= ?) OR (d.status = 'sending' AND d.lease_until <= ?)
              ) WHERE slot <= ? ORDER BY next_at, id LIMIT ?)
            RETURNING id`,
      args: [r.leaseUntil, r.now, r.now, r.now, r.perEndpoint, r.limit],
    },
  ]);
  const ids = claimed.rows.map((row) => String(row.id));
  if (!ids.length) return [];
  const rs = await db.read({
    sql: `SELECT d.*, e.type AS event_type, e.payload, e.created_at AS event_created_at, w.url, w.secret, w.allow_private_network
          FROM deliveries d JOIN outbox_events e ON e.id = d.event_id JOIN webhook_endpoints w ON w.id = d.endpoint_id
          WHERE d.id IN (${ids.map(() => '?').join(', ')})`,
    args: ids,
  });
  return rs.rows.map((row) => ({
    ...toDelivery(row),
    payload: String(row.payload),
    eventCreatedAt: Number(row.event_created_at),
    endpoint: { url: String(row.url), secret: String(row.secret), allowPrivateNetwork: Number(row.allow_private_network) === 1 },
  }));
}

export async function finishDelivery(db: Db, o: DeliveryOutcome, attempts: number): Promise<void> {
  // Only the claim that is still current may finish it: after a lease ran out and another
  // dispatcher claimed it again, the late answer of the first changes nothing.
  const current = `WHERE id = ? AND status = 'sending' AND attempts = ?`;
  const stmt =
    o.kind === 'delivered'
      ? { sql: `UPDATE deliveries SET status = 'delivered', last_status = ?, last_error = NULL, delivered_at = ?, lease_until = NULL ${current}`, args: [o.status, o.now, o.id, attempts] }
      : o.kind === 'retry'
        ? { sql: `UPDATE deliveries SET status = 'pending', last_status = ?, last_error = ?, next_at = ?, lease_until = NULL ${current}`, args: [o.status, o.error, o.nextAt, o.id, attempts] }
        : { sql: `UPDATE deliveries SET status = 'dead', last_status = ?, last_error = ?, lease_until = NULL ${current}`, args: [o.status, o.error, o.id, attempts] };
  await db.write([stmt]);
}

export async function sweepOutbox(db: Db, eventsBefore: number, deliveriesBefore: number): Promise<number> {
  const [deliveries, events, messages, notices] = await db.write([
    { sql: `DELETE FROM deliveries WHERE created_at < ? AND status IN ('delivered', 'dead')`, args: [deliveriesBefore] },
    {
      sql: `DELETE FROM outbox_events WHERE created_at < ? AND fanned_out = 1
              AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = outbox_events.id)`,
      args: [eventsBefore],
    },
    // Mail likewise: messages a month after they went out (or died), and notices with them, or a
    // week after they were made when they never went out (the server stopped sending mail).
    { sql: `DELETE FROM mail_messages WHERE created_at < ? AND status IN ('sent', 'dead')`, args: [deliveriesBefore] },
    {
      sql: `DELETE FROM mail_notices WHERE (message_id IS NULL AND created_at < ?)
              OR (message_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mail_messages m WHERE m.id = mail_notices.message_id))`,
      args: [eventsBefore],
    },
  ]);
  return deliveries.rowsAffected + events.rowsAffected + messages.rowsAffected + notices.rowsAffected;
}

export async function takeLease(db: Db, name: string, holder: string, now: number, until: number): Promise<boolean> {
  const [, taken] = await db.write([
    { sql: 'INSERT OR IGNORE INTO dispatcher_leases (name, holder, until) VALUES (?, ?, 0)', args: [name, holder] },
    { sql: 'UPDATE dispatcher_leases SET holder = ?, until = ? WHERE name = ? AND (holder = ? OR until <= ?)', args: [holder, until, name, holder, now] },
  ]);
  return taken.rowsAffected > 0;
}

function toDelivery(r: Row): DeliveryRecord {
  return {
    id: String(r.id),
    siteId: String(r.site_id),
    eventId: String(r.event_id),
    eventType: String(r.event_type) as EventType,
    endpointId: String(r.endpoint_id),
    status: String(r.status) as DeliveryRecord['status'],
    attempts: Number(r.attempts),
    nextAt: Number(r.next_at),
    lastStatus: r.last_status == null ? null : Number(r.last_status),
    lastError: r.last_error == null ? null : String(r.last_error),
    deliveredAt: r.delivered_at == null ? null : Number(r.delivered_at),
    createdAt: Number(r.created_at),
  };
}

export async function listDeliveries(db: Db, siteId: string, f: DeliveryFilter): Promise<DeliveryRecord[]> {
  const where = ['d.site_id = ?'];
  const args: (string | number)[] = [siteId];
  if (f.status) where.push('d.status = ?'), args.push(f.status);
  if (f.endpointId) where.push('d.endpoint_id = ?'), args.push(f.endpointId);
  if (f.before) where.push('(d.created_at, d.id) < (?, ?)'), args.push(f.before.createdAt, f.before.id);
  const rs = await db.read({
    sql: `SELECT d.*, e.type AS event_type FROM deliveries d JOIN outbox_events e ON e.id = d.event_id
          WHERE ${where.join(' AND ')} ORDER BY d.created_at DESC, d.id DESC LIMIT ?`,
    args: [...args, f.limit],
  });
  return rs.rows.map(toDelivery);
}

export async function retryDelivery(db: Db, siteId: string, id: string, now: number): Promise<DeliveryRecord | null> {
  await db.write([
    {
      sql: `UPDATE deliveries SET status = 'pending', attempts = 0, next_at = ?, lease_until = NULL
            WHERE id = ? AND site_id = ? AND status IN ('dead', 'pending')`,
      args: [now, id, siteId],
    },
  ]);
  const rs = await db.read({
    sql: 'SELECT d.*, e.type AS event_type FROM deliveries d JOIN outbox_events e ON e.id = d.event_id WHERE d.id = ? AND d.site_id = ?',
    args: [id, siteId],
  });
  return rs.rows[0] ? toDelivery(rs.rows[0]) : null;
}

export async function recordTestEvent(db: Db, e: { id: string; siteId: string; endpointId: string; payload: string; now: number }): Promise<void> {
  await db.write([
    { sql: `INSERT INTO outbox_events (id, site_id, type, payload, created_at, fanned_out) VALUES (?, ?, 'webhook.test', ?, ?, 1)`, args: [e.id, e.siteId, e.payload, e.now] },
    {
      sql: `INSERT INTO deliveries (id, site_id, event_id, endpoint_id, status, attempts, next_at, created_at)
            SELECT ? || ':' || id, site_id, ?, id, 'pending', 0, ?, ? FROM webhook_endpoints WHERE id = ? AND site_id = ?`,
      args: [e.id, e.id, e.now, e.now, e.endpointId, e.siteId],
    },
  ]);
}

function toWebhook(r: Row): WebhookEndpointRecord {
  return {
    id: String(r.id),
    siteId: String(r.site_id),
    url: String(r.url),
    secret: String(r.secret),
    eventTypes: JSON.parse(String(r.event_types)),
    enabled: Number(r.enabled) === 1,
    description: String(r.description),
    allowPrivateNetwork: Number(r.allow_private_network) === 1,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

export async function listWebhooks(db: Db, siteId: string): Promise<WebhookEndpointRecord[]> {
  const rs = await db.read({ sql: 'SELECT * FROM webhook_endpoints WHERE site_id = ? ORDER BY created_at, id', args: [siteId] });
  return rs.rows.map(toWebhook);
}

export async function getWebhook(db: Db, siteId: string, id: string): Promise<WebhookEndpointRecord | null> {
  const rs = await db.read({ sql: 'SELECT * FROM webhook_endpoints WHERE id = ? AND site_id = ?', args: [id, siteId] });
  return rs.rows[0] ? toWebhook(rs.rows[0]) : null;
}

export async function saveWebhook(db: Db, w: WebhookEndpointRecord): Promise<void> {
  await db.write([
    {
      sql: `INSERT INTO webhook_endpoints (id, site_id, url, secret, event_types, enabled, description, allow_private_network, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET url = excluded.url, secret = excluded.secret, event_types = excluded.event_types,
              enabled = excluded.enabled, description = excluded.description, allow_private_network = excluded.allow_private_network,
              updated_at = excluded.updated_at
            WHERE webhook_endpoints.site_id = excluded.site_id`,
      args: [w.id, w.siteId, w.url, w.secret, JSON.stringify(w.eventTypes), w.enabled ? 1 : 0, w.description, w.allowPrivateNetwork ? 1 : 0, w.createdAt, w.updatedAt],
    },
  ]);
}

export async function deleteWebhook(db: Db, siteId: string, id: string): Promise<boolean> {
  const results = await db.write([
    { sql: `DELETE FROM deliveries WHERE endpoint_id = ? AND site_id = ? AND status IN ('pending', 'dead')`, args: [id, siteId] },
    { sql: 'DELETE FROM webhook_endpoints WHERE id = ? AND site_id = ?', args: [id, siteId] },
  ]);
  return results[1].rowsAffected > 0;
}
