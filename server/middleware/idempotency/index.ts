// Every write route's handler is wrapped here: a server-side deadline for all writes, and Idempotency-Key
// handling for those that send one.
//
// Deadline: past `deadlineMs` the client gets 503 with Retry-After while the write carries on
// (on Workers through waitUntil). It either never commits, or commits with its key claimed, and
// then writes its answer; a retry with the same key finds that answer (or, for the moment in
// between, a 409 to retry shortly), never a second copy of the change.
//
// Keys are scoped by site and by sender (the member, or the site's API key), so they are checked
// only after authentication: nobody can read another sender's answer by guessing a key.
import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import type { Store } from '../../store/port';
import type { IdempotencyClaim, IdempotencyRecord } from '../../store/idempotency-port';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAY_HEADER, IdempotencyKey } from '../../../shared/schemas/idempotency';
import { IdempotencyKeyTakenError } from '../../store/libsql/idempotency';
import { AppError } from '../../services/errors';
import { errorJson } from '../errors';
import { requestFingerprint } from './fingerprint';
import { keepRunning, withinDeadline } from './deadline';

export interface IdempotentWriteOptions {
  store: Store;
  now: () => number;
  /** Who sent the request, as this route's authentication established; null: nobody who can write. */
  sender: (c: Context<AppEnv>) => string | null;
  deadlineMs: number;
  /** How long a key and its answer are kept (default 24 h). */
  ttlMs?: number;
}

const DAY_MS = 24 * 3600 * 1000;
/** A key claimed this long ago whose answer never came: its request ended without writing it. */
const ANSWER_LOST_AFTER_MS = 60_000;

/**
 * Runs a write route's work at most once per key: `.post(path, validate(…), (c) => once(c, async () => …))`.
 * Inside the handler, after validation, so the answer it gets is the route's own Response.
 */
export type WriteOnceHandler = (c: Context<AppEnv, any, any>, work: () => Promise<Response>) => Promise<Response>;

export function idempotentWrite(options: IdempotentWriteOptions): WriteOnceHandler {
  const ttlMs = options.ttlMs ?? DAY_MS;
  return async function applyWriteOnce(c, handler) {
    const header = c.req.header(IDEMPOTENCY_KEY_HEADER);
    const sender = header === undefined ? null : options.sender(c);
    if (header === undefined || sender === null) return answerInTime(c, handler(), options.deadlineMs);
    const key = IdempotencyKey.safeParse(header);
    if (!key.success) throw new AppError('invalid_input', `The ${IDEMPOTENCY_KEY_HEADER} header is not valid`, { [IDEMPOTENCY_KEY_HEADER]: key.error.issues[0].message });

    const site = c.get('site');
    const now = options.now();
    const claim: IdempotencyClaim = { siteId: site.id, sender, key: key.data, fingerprint: await requestFingerprint(c), now, expiresAt: now + ttlMs };
    const earlier = await options.store.findIdempotencyRecord(site.id, sender, claim.key, now);
    if (earlier) return answerFrom(c, earlier, claim, now);

    const claiming = options.store.claimingStore(claim);
    c.set('requestStore', claiming.store);
    const run = (async () => {
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
    })();
    return answerInTime(c, run, options.deadlineMs);
  };
}

async function answerInTime(c: Context<AppEnv>, work: Promise<Response>, deadlineMs: number): Promise<Response> {
  const answer = await withinDeadline(work, deadlineMs);
  if (answer) return answer;
  keepRunning(c, work);
  return errorJson(c, 'unavailable', 'The write did not finish in time; retry with the same Idempotency-Key to learn its outcome', undefined, { 'Retry-After': '2' });
}

function answerFrom(c: Context<AppEnv>, record: IdempotencyRecord, claim: IdempotencyClaim, now: number): Response {
  if (record.fingerprint !== claim.fingerprint) {
    return errorJson(c, 'idempotency_key_reused', `This ${IDEMPOTENCY_KEY_HEADER} was already used for a different request; send a new key for a new request`);
  }
  if (record.status === null) {
    if (now - record.createdAt < ANSWER_LOST_AFTER_MS) return inProgress(c);
    return errorJson(c, 'idempotency_in_progress', 'The request with this key was applied, but its answer was not kept; reload to see the result');
  }
  return c.body(record.body ?? '', record.status as 200, { 'Content-Type': 'application/json', [IDEMPOTENT_REPLAY_HEADER]: 'true' });
}

function inProgress(c: Context<AppEnv>): Response {
  return errorJson(c, 'idempotency_in_progress', 'A request with this key is still being applied; retry shortly with the same key', undefined, { 'Retry-After': '1' });
}
