// Every failure leaves as `{ error: { code, message, fields? } }` with the code's status;
// nothing unexpected escapes as an HTML page or a stack trace.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_STATUS, type ApiErrorBody, type ErrorCode } from '../../../shared/errors';
import { AppError } from '../../services/errors';
import { StoreUnavailableError } from '../../store/libsql/db';
import { IdempotencyKeyTakenError } from '../../store/libsql/idempotency';

export function errorJson(c: Context, code: ErrorCode, message: string, fields?: Record<string, string>, headers?: Record<string, string>) {
  const body: ApiErrorBody = { error: { code, message, ...(fields ? { fields } : {}) } };
  return c.json(body, ERROR_STATUS[code] as ContentfulStatusCode, headers);
}

export interface ErrorHandlerOptions {
  log?: (message: string, error: unknown) => void;
}

export function errorHandler(options: ErrorHandlerOptions = {}) {
  const log = options.log ?? ((message, error) => console.error(message, error));
  return function handleError(error: Error, c: Context) {
    if (error instanceof AppError) return errorJson(c, error.code, error.message, error.fields, error.headers);
    if (error instanceof IdempotencyKeyTakenError) {
      return errorJson(c, 'idempotency_in_progress', 'A request with this key is being applied; retry shortly with the same key', undefined, { 'Retry-After': '1' });
    }
    if (error instanceof StoreUnavailableError) {
      log('database unavailable', error.cause);
      return errorJson(c, 'unavailable', 'The comment service is temporarily unavailable; please retry', undefined, { 'Retry-After': '5' });
    }
    if (error instanceof HTTPException) {
      if (error.status === 400 && /JSON/i.test(error.message)) return errorJson(c, 'malformed_json', 'The request body is not valid JSON');
      if (error.status === 413) return errorJson(c, 'payload_too_large', 'The request body is too large');
      return errorJson(c, 'bad_request', error.message || 'Bad request');
    }
    log('unhandled error', error);
    return errorJson(c, 'internal', 'Something went wrong on our side');
  };
}
