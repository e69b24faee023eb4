// Services fail with an AppError carrying a shared error code; the app maps it to a status
// and the JSON error body, so no service knows about HTTP.
import { ERROR_STATUS, type ErrorCode } from '../../shared/errors';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
