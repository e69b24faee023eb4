// The response cache port: where a runtime keeps finished guest responses so a busy thread is
// not rebuilt from the database for every reader. Workers back it with the Cache API; Node keeps
// a small in-process map; tests and single readers can go without.
import { ByteBudgetMap } from './byte-budget-map';

export interface ResponseCache {
  /** The stored response for a key, or null when there is none (or it has expired). */
  match(key: string): Promise<Response | null>;
  /** Stores a copy of the response under key for at most ttlSeconds. */
  put(key: string, response: Response, ttlSeconds: number): Promise<void>;
}

/** Caches nothing: every read goes to the database. */
export const noResponseCache: ResponseCache = {
  match: async () => null,
  put: async () => {},
};

export interface MemoryResponseCacheOptions {
  /** Most bytes of responses kept (bodies, headers and keys); the oldest go first. Default 48 MiB. */
  maxBytes?: number;
  now?: () => number;
}

export interface MemoryResponseCache extends ResponseCache {
  /** Entries and bytes held, for tests and the bench. */
  readonly size: number;
  readonly bytes: number;
}

interface Stored {
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
  expiresAt: number;
}

/** An in-process cache for one Node server: bounded in bytes, with per-entry expiry. */
export function memoryResponseCache(options: MemoryResponseCacheOptions = {}): MemoryResponseCache {
  const now = options.now ?? Date.now;
  const entries = new ByteBudgetMap<Stored>(options.maxBytes ?? 48 * 1024 * 1024);
  return {
    async match(key) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return null;
      }
      return new Response(entry.body.slice(0), { status: entry.status, headers: entry.headers });
    },
    async put(key, response, ttlSeconds) {
      const body = await response.clone().arrayBuffer();
      const headers = [...response.headers];
      const headerBytes = headers.reduce((n, [k, v]) => n + (k.length + v.length) * 2, 0);
      entries.set(key, { status: response.status, headers, body, expiresAt: now() + ttlSeconds * 1000 }, body.byteLength + headerBytes);
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return entries.bytes;
    },
  };
}
