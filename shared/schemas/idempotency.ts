// The Idempotency-Key header of write requests: a key the client makes per user action and sends
// again with every retry of that action, so the server applies it at most once.
import * as z from 'zod/mini';

export { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAY_HEADER } from '../idempotency';

export const IdempotencyKey = z.string().check(z.regex(/^[\x21-\x7e]{1,200}$/, 'must be 1 to 200 visible ASCII characters'));
