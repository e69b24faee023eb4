// API outcomes as values: components show `readerMessage(error.code)` and never catch.
export interface ApiError {
  code: string;
  message: string;
  fields?: Record<string, string>;
  /** The sentence the reader is shown for a failed load, once known (see model/load-failure.ts). */
  said?: string;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = <T>(code: string, message: string, fields?: Record<string, string>): Result<T> => ({
  ok: false,
  error: { code, message, fields },
});
