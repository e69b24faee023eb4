// The response cache port: where a runtime keeps finished guest responses so a busy thread is
// not rebuilt from the database for every reader. Workers back it with the Cache API; Node keeps
// a small in-process map; tests and single readers can go without.
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
  /** Most entries kept; the oldest is dropped first. */
  maxEntries?: number;
  now?: () => number;
}

/** An in-process cache for one Node server: bounded, with per-entry expiry. */
export function memoryResponseCache(options: MemoryResponseCacheOptions = {}): ResponseCache {
  const maxEntries = options.maxEntries ?? 2000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { status: number; headers: [string, string][]; body: ArrayBuffer; expiresAt: number }>();
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
      entries.delete(key);
      entries.set(key, { status: response.status, headers: [...response.headers], body, expiresAt: now() + ttlSeconds * 1000 });
      // Maps iterate in insertion order, so the first key is the least recently stored.
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
  };
}
