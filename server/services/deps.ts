// What services need from the outside world, injected by the runtime (and by tests).
import type { Store } from '../store/port';

export interface ServiceDeps {
  store: Store;
  now: () => number;
  newId: () => string;
  /** Salt for hashing client addresses (flooding checks); random per process is enough. */
  ipSalt: string;
  /** Outbound HTTP (the site's external scorer). */
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
}
