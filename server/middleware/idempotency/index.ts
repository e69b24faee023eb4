// Idempotency-Key handling for every write route: a replay answers what the first request answered,
// a key is claimed in the change's own transaction, and the answer is kept by the request itself
// (not taken from the response Hono sends), so a request that outlived its deadline (see
// deadline.ts) still writes the answer a retry will find.
//
// Keys are scoped by site and by sender (the member, or the site's API key), so they are checked
// only after authentication: nobody can read another sender's answer by guessing a key.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env';
import type { Store } from '../../store/port';
import type { IdempotencyClaim, IdempotencyRecord } from '../../store/idempotency-port';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAY_HEADER, IdempotencyKey } from '../../../shared/schemas/idempotency';
import { IdempotencyKeyTakenError } from '../../store/libsql/idempotency';
import { AppError } from '../../services/errors';
import { errorJson } from '../errors';
import { requestFingerprint } from './fingerprint';

export { writeDeadline } from './deadline';

export interface IdempotentWriteOptions {
  store: Store;
  now: () => number;
  /** Who sent the request, as this route's authentication established; null: nobody who can write. */
  sender: (c: Context<AppEnv>) => string | null;
  /** How long a key and its answer are kept (default 24 h). */
  ttlMs?: number;
}

const DAY_MS = 24 * 3600 * 1000;
/** A key claimed this long ago whose answer never came: its request ended without writing it. */
const ANSWER_LOST_AFTER_MS = 60_000;

/**
 * Runs a write route's work at most once per key: `.post(path, validate(…), (c) => once(c, async () => …))`.
 * Inside the handler, after validation, so the answer it keeps is the route's own Response.
 */
export type WriteOnceHandler = (c: Context<AppEnv, any, any>, work: () => Promise<Response>) => Promise<Response>;

export function idempotentWrite(options: IdempotentWriteOptions): WriteOnceHandler {
  const ttlMs = options.ttlMs ?? DAY_MS;
  return async function applyWriteOnce(c, handler) {
    const header = c.req.header(IDEMPOTENCY_KEY_HEADER);
    const sender = header === undefined ? null : options.sender(c);
    if (header === undefined || sender === null) return handler();
    const key = IdempotencyKey.safeParse(header);
    if (!key.success) throw new AppError('invalid_input', `The ${IDEMPOTENCY_KEY_HEADER} header is not valid`, { [IDEMPOTENCY_KEY_HEADER]: key.error.issues[0].message });

    const site = c.get('site');
    const now = options.now();
    const claim: IdempotencyClaim = { siteId: site.id, sender, key: key.data, fingerprint: await requestFingerprint(c), now, expiresAt: now + ttlMs };
    const looked = c.get('earlierWrite');
    const earlier = looked && looked.key === claim.key ? looked.record : await options.store.findIdempotencyRecord(site.id, sender, claim.key, now);
    if (earlier) return answerFrom(c, earlier, claim, now);

    const claiming = options.store.claimingStore(claim);
    c.set('requestStore', claiming.store);
    let res: Response;
    try {
      res = await handler();
    } catch (error) {
      if (error instanceof IdempotencyKeyTakenError) {
        // A request with the same key got there first: answer as a retry of it would be answered.
        const first = await options.store.findIdempotencyRecord(site.id, sender, claim.key, now);
        return first ? answerFrom(c, first, claim, now) : inProgress(c);
      }
      // A refusal after a change was written is that change's answer; anything else goes to the error handler.
      if (!(error instanceof AppError) || !claiming.claimed()) throw error;
      res = errorJson(c, error.code, error.message, error.fields, error.headers);
    }
    // Answers worth replaying: every success, and whatever followed a change that was written.
    // A refusal that wrote nothing (a token to refresh, a rate limit) is not kept: the retry runs again.
    if (res.status < 500 && (res.ok || claiming.claimed())) {
      await options.store.saveIdempotencyOutcome(claim, res.status, await res.clone().text()).catch(() => {});
    }
    return res;
  };
}

/**
 * Answers a retry whose first request already has its answer before anything else runs for it
 * (rate limits above all: a replay is not another write). Anything else goes on, with what was
 * found kept for applyWriteOnce.
 */
export function replayAnswered(options: Pick<IdempotentWriteOptions, 'store' | 'now' | 'sender'>): MiddlewareHandler<AppEnv> {
  return async function answerReplays(c, next) {
    const header = c.req.header(IDEMPOTENCY_KEY_HEADER);
    const sender = header === undefined || READS.has(c.req.method) ? null : options.sender(c);
    const key = sender === null ? null : IdempotencyKey.safeParse(header);
    if (!key?.success) return next();
    const now = options.now();
    const record = await options.store.findIdempotencyRecord(c.get('site').id, sender!, key.data, now);
    if (record && record.status !== null && record.fingerprint === (await requestFingerprint(c))) return replay(c, record);
    c.set('earlierWrite', { key: key.data, record });
    await next();
  };
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

function answerFrom(c: Context<AppEnv>, record: IdempotencyRecord, claim: IdempotencyClaim, now: number): Response {
  if (record.fingerprint !== claim.fingerprint) {
    return errorJson(c, 'idempotency_key_reused', `This ${IDEMPOTENCY_KEY_HEADER} was already used for a different request; send a new key for a new request`);
  }
  if (record.status === null) {
    if (now - record.createdAt < ANSWER_LOST_AFTER_MS) return inProgress(c);
    return errorJson(c, 'idempotency_in_progress', 'The request with this key was applied, but its answer was not kept; reload to see the result');
  }
  return replay(c, record);
}

function replay(c: Context<AppEnv>, record: IdempotencyRecord): Response {
  return c.body(record.body ?? '', record.status as 200, { 'Content-Type': 'application/json', [IDEMPOTENT_REPLAY_HEADER]: 'true' });
}

function inProgress(c: Context<AppEnv>): Response {
  return errorJson(c, 'idempotency_in_progress', 'A request with this key is still being applied; retry shortly with the same key', undefined, { 'Retry-After': '1' });
}
