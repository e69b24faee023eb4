// HTTP caching for thread reads. Every response carries an ETag made of the thread's id and
// version (bumped by every write to the thread), the site's configuration, the query and the
// viewer, so If-None-Match can answer 304. Guest responses are the same for every guest: they are
// public for a few seconds and kept in the runtime's ResponseCache under that ETag, so a popular
// page costs one small thread lookup per reader instead of a full listing. Signed-in responses are
// private and never shared, which is also why an author sees their new comment at once. When the
// database cannot be reached, a guest gets the last copy kept for the same request, marked stale.
// A member whose token was refused gets the guest view saying so: built for them alone, never
// kept, never answered from what was kept for guests, and never stored by anyone else either.
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import type { ThreadRecord } from '../store/port';
import { StoreUnavailableError } from '../store/libsql/db';
import type { ResponseCache } from './response-cache';
import { sha256Hex } from '../services/sha256';
import { ByteBudgetMap } from './byte-budget-map';
import { chooseEncoding, type Compressor, type ContentEncoding } from './encodings';

export const GUEST_CACHE_CONTROL = 'public, max-age=5, stale-while-revalidate=30';
export const SIGNED_IN_CACHE_CONTROL = 'private, no-cache';
/** For the guest view a refused token gets: it says what became of that token, so it is the reader's own. */
export const REFUSED_TOKEN_CACHE_CONTROL = 'private, no-store';
/** Marks a response served from the last kept copy while the database is unavailable. */
export const STALE_HEADER = 'X-Parley-Stale';

export interface ThreadReadsOptions {
  cache: ResponseCache;
  now: () => number;
  /** How long a guest response stays in the cache under its ETag. */
  freshSeconds?: number;
  /** How long the last guest response for a request is kept to serve while the database is down. */
  staleSeconds?: number;
  /**
   * For this long a guest request is answered from this process's memory without even looking the
   * thread up (0: always look). Guests' browsers already keep a response for max-age seconds, so
   * a second of this changes nothing they can see and takes the database off the hot path.
   */
  guestRevalidateMs?: number;
  /** Most bytes of those in-memory guest responses (default 16 MiB). */
  recentMaxBytes?: number;
  /** Encodes guest pages for readers who accept brotli or gzip, once per page (none: always identity). */
  compressor?: Compressor;
}

/** A finished guest response held in process memory: its ETag, the bytes as sent, and the site configuration it was built with. */
interface RecentGuestRead {
  etag: string;
  body: ArrayBuffer;
  at: number;
  site: string;
  /** The body in each encoding asked for so far. */
  encoded: Partial<Record<ContentEncoding, ArrayBuffer>>;
}

export interface ThreadRead {
  /**
   * What makes this page differ from another, normalised (the page's key, sort, limit, cursor):
   * never the raw query string, or junk parameters would each cache a copy of the same page.
   */
  key: readonly string[];
  /** Finds the thread (one small query); its version is what the ETag and cache key rest on. */
  locate(): Promise<ThreadRecord>;
  /** Builds the full response body for that thread (the expensive part). */
  build(thread: ThreadRecord): Promise<unknown>;
  /** What the body shows that changes with no write to the thread (its age closing it), so it is in the ETag too. */
  timeState?(thread: ThreadRecord): string;
}

export function threadReads(options: ThreadReadsOptions) {
  const { cache, now } = options;
  const freshSeconds = options.freshSeconds ?? 300;
  const staleSeconds = options.staleSeconds ?? 24 * 3600;
  const guestRevalidateMs = options.guestRevalidateMs ?? 0;
  const recent = new ByteBudgetMap<RecentGuestRead>(options.recentMaxBytes ?? 16 * 1024 * 1024);

  function remember(request: string, etag: string, body: ArrayBuffer, site: string, encoded: RecentGuestRead['encoded'] = {}) {
    if (guestRevalidateMs <= 0) return;
    const bytes = body.byteLength + Object.values(encoded).reduce((n, b) => n + b.byteLength, 0);
    recent.set(request, { etag, body, at: now(), site, encoded }, bytes);
  }

  /**
   * The guest body as this reader takes it: compressed when they accept it (made once, then kept
   * with the page under its own key), else as it is. Each encoding is its own representation, so
   * its own ETag.
   */
  async function encodedFor(c: Context<AppEnv>, etag: string, body: ArrayBuffer, known: RecentGuestRead['encoded'] = {}) {
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'), options.compressor);
    if (!encoding) return { body, encoding: null, etag };
    const tagged = representationTag(etag, encoding);
    let bytes = known[encoding];
    if (!bytes) {
      const key = `etag ${etag} ${encoding}`;
      const kept = await cache.match(key).catch(() => null);
      bytes = kept ? await kept.arrayBuffer() : ((await options.compressor!.encode(new Uint8Array(body), encoding)).slice().buffer as ArrayBuffer);
      if (!kept) await cache.put(key, new Response(bytes), freshSeconds).catch(() => {});
      known[encoding] = bytes;
    }
    return { body: bytes, encoding, etag: tagged };
  }

  return async function serveThreadRead(c: Context<AppEnv>, read: ThreadRead): Promise<Response> {
    const site = c.get('site');
    const claims = c.get('claims');
    c.header('Vary', 'Authorization');
    if (c.get('refusedToken')) return send(c, JSON.stringify(await read.build(await read.locate())), REFUSED_TOKEN_CACHE_CONTROL, null);
    const guest = claims === null;
    const request = JSON.stringify([site.id, new URL(c.req.url).pathname, ...read.key]);
    const lastKey = `last ${request}`;

    const memo = guest ? recent.get(request) : undefined;
    // A site saved since (new guidelines, invitations, wording) is never answered from before it.
    const sitePrint = await siteFingerprint(site);
    if (memo && memo.site === sitePrint && now() - memo.at < guestRevalidateMs) {
      const sent = await encodedFor(c, memo.etag, memo.body, memo.encoded);
      if (matches(c.req.header('If-None-Match'), sent.etag)) return notModified(c, sent.etag, GUEST_CACHE_CONTROL);
      return send(c, sent.body, GUEST_CACHE_CONTROL, sent.etag, sent.encoding);
    }

    let thread: ThreadRecord;
    try {
      thread = await read.locate();
    } catch (error) {
      if (guest && error instanceof StoreUnavailableError) {
        const kept = await cache.match(lastKey).catch(() => null);
        if (kept) {
          c.header(STALE_HEADER, '1');
          return send(c, await kept.arrayBuffer(), GUEST_CACHE_CONTROL, null);
        }
      }
      throw error;
    }

    // A signed-in view also depends on the reader's claims and, through edit windows, on time:
    // the minute keeps a revalidated copy from outliving either by long.
    const viewer = guest ? 'guest' : `${JSON.stringify(claims)} ${Math.floor(now() / 60_000)}`;
    const etag = `"${await digest([thread.id, thread.version, read.timeState?.(thread) ?? '', sitePrint, request, viewer].join('\n'))}"`;
    const cacheControl = guest ? GUEST_CACHE_CONTROL : SIGNED_IN_CACHE_CONTROL;
    if (!guest) {
      if (matches(c.req.header('If-None-Match'), etag)) return notModified(c, etag, cacheControl);
      return send(c, JSON.stringify(await read.build(thread)), cacheControl, etag);
    }
    const sentTag = representationTag(etag, chooseEncoding(c.req.header('Accept-Encoding'), options.compressor));
    if (matches(c.req.header('If-None-Match'), sentTag)) return notModified(c, sentTag, cacheControl);

    const freshKey = `etag ${etag}`;
    const hit = await cache.match(freshKey).catch(() => null);
    if (hit) {
      // Bytes straight through: no decoding and re-encoding of a large body on the hot path.
      const bytes = await hit.arrayBuffer();
      const encoded: RecentGuestRead['encoded'] = {};
      const sent = await encodedFor(c, etag, bytes, encoded);
      remember(request, etag, bytes, sitePrint, encoded);
      return send(c, sent.body, cacheControl, sent.etag, sent.encoding);
    }
    const body = JSON.stringify(await read.build(thread));
    const bytes = new TextEncoder().encode(body).buffer as ArrayBuffer;
    // A cache that fails must not fail the read.
    await Promise.all([
      cache.put(freshKey, jsonResponse(body), freshSeconds).catch(() => {}),
      cache.put(lastKey, jsonResponse(body), staleSeconds).catch(() => {}),
    ]);
    const encoded: RecentGuestRead['encoded'] = {};
    const sent = await encodedFor(c, etag, bytes, encoded);
    remember(request, etag, bytes, sitePrint, encoded);
    return send(c, sent.body, cacheControl, sent.etag, sent.encoding);
  };
}

/** The ETag of the page in one encoding: each encoding is a representation of its own. */
function representationTag(etag: string, encoding: ContentEncoding | null): string {
  return encoding ? `${etag.slice(0, -1)}-${encoding}"` : etag;
}

function notModified(c: Context<AppEnv>, etag: string, cacheControl: string): Response {
  c.header('Vary', 'Authorization, Accept-Encoding');
  return c.body(null, 304, { ETag: etag, 'Cache-Control': cacheControl });
}

function send(c: Context<AppEnv>, body: string | ArrayBuffer, cacheControl: string, etag: string | null, encoding: ContentEncoding | null = null): Response {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Cache-Control': cacheControl };
  if (etag) headers.ETag = etag;
  if (encoding) headers['Content-Encoding'] = encoding;
  // Guest pages differ by encoding as well as by sign-in; every answer says so, for shared caches.
  c.header('Vary', 'Authorization, Accept-Encoding');
  return c.body(body, 200, headers);
}

function jsonResponse(body: string): Response {
  return new Response(body, { headers: { 'Content-Type': 'application/json' } });
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

// Site records stay the same object while the site resolver caches them, so each is hashed once.
// The digest itself is kept, never a pending promise: on Workers a request may not wait on
// another request's work.
const fingerprints = new WeakMap<object, string>();
async function siteFingerprint(site: object): Promise<string> {
  let print = fingerprints.get(site);
  if (print === undefined) {
    print = await digest(JSON.stringify(site));
    fingerprints.set(site, print);
  }
  return print;
}

const digest = (text: string) => sha256Hex(text, 16);
