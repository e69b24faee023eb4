// Header names of idempotent writes, apart from their schema so the reader bundle takes no zod for them.
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Set on an answer replayed from the first request with the same key. */
export const IDEMPOTENT_REPLAY_HEADER = 'Idempotent-Replayed';
