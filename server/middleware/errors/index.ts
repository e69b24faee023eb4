// Every failure leaves as `{ error: { code, message, fields? } }` with the code's status;
// nothing unexpected escapes as an HTML page or a stack trace.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_STATUS, type ApiErrorBody, type ErrorCode } from '../../../shared/errors';
import { AppError } from '../../services/errors';
import { StoreUnavailableError, type UnavailableKind } from '../../store/libsql/db';
import { incidentLog } from './incident-log';

export { incidentLog };

export function errorJson(c: Context, code: ErrorCode, message: string, fields?: Record<string, string>, headers?: Record<string, string>) {
  const body: ApiErrorBody = { error: { code, message, ...(fields ? { fields } : {}) } };
  return c.json(body, ERROR_STATUS[code] as ContentfulStatusCode, headers);
}

export interface ErrorHandlerOptions {
  log?: (message: string, error: unknown) => void;
  now?: () => number;
  /** Where database incidents go; by default a log of this handler's own (see incident-log.ts). */
  reportIncident?: (kind: string, error: unknown) => void;
}

/** Seconds a client should wait before retrying, by what made the database unavailable. */
const RETRY_AFTER: Record<UnavailableKind, string> = { disk_full: '60', locked: '2', unreachable: '5', timeout: '5' };

export function errorHandler(options: ErrorHandlerOptions = {}) {
  const log = options.log ?? ((message, error) => console.error(message, error));
  const reportIncident = options.reportIncident ?? incidentLog({ log, now: options.now ?? Date.now });
  return function handleError(error: Error, c: Context) {
    if (error instanceof AppError) return errorJson(c, error.code, error.message, error.fields, error.headers);
    if (error instanceof StoreUnavailableError) {
      reportIncident(error.kind, error.cause);
      return errorJson(c, 'unavailable', 'The comment service is temporarily unavailable; please retry', undefined, { 'Retry-After': RETRY_AFTER[error.kind] });
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
