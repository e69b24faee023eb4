// What services need from the outside world, injected by the runtime (and by tests).
import type { Store } from '../store/port';
import type { OutboundFetch } from './outbound/guarded-fetch';
import type { MailConfig } from './mail/mailer';
import type { SharedPages } from '../cache/shared-pages';

export interface ServiceDeps {
  store: Store;
  now: () => number;
  newId: () => string;
  /** Salt for hashing client addresses (flooding checks); random per process is enough. */
  ipSalt: string;
  /** Outbound HTTP on a site's behalf (its external scorer), vetted against private addresses. */
  outbound: OutboundFetch;
  /** Whether this runtime lets a site opt into private addresses (Node yes, Workers never). */
  privateNetworkAllowed: boolean;
  /** Thread pages' shared rows by thread version (see cache/shared-pages.ts); none: every page is listed afresh. */
  sharedPages?: SharedPages;
  /** How mail goes out; absent when this server sends none (members are then offered none). */
  mail?: MailConfig;
}
