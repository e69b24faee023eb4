// Typed client for the reader API. Every response is parsed with the shared schemas, every
// failure becomes an ApiError value, and a token the API refused is swapped for a fresh one once:
// on a 401, or when the thread view says the reader's session lapsed (see ViewerInfo.session).
// Every write carries an Idempotency-Key made for the reader's action and sent again when the
// same action is retried, so a post whose answer was lost is never stored twice.
import type * as z from 'zod/mini';
import { readerPaths } from '../../shared/api-paths';
import { lapsed, TOKEN_REFUSALS } from '../../shared/errors';
import { ErrorBody, type Sort } from '../../shared/schemas/common';
import { CommentPage, ConversationResponse } from '../../shared/schemas/comment';
import { ThreadView } from '../../shared/schemas/thread';
import type { GetToken, Prefetch } from '../config';
import { apiUrl, askHost, threadQuery, type Query } from './request';
import { fail, ok, type Result } from './result';

export interface ClientOptions {
  api: string;
  site: string;
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  token?: string | null;
  getToken?: GetToken;
  prefetch?: Prefetch;
}

export interface ThreadRequest {
  url: string;
  pageId?: string;
  title?: string;
  sort: Sort;
}

export function createClient(options: ClientOptions) {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  // The thread request embed.js may have started, and the token it used (see loader/prefetch.ts).
  let early = options.prefetch;
  // Shared by concurrent requests so the host's getToken runs once; resolves to null for a guest.
  let token: Promise<string | null> | null = early?.token ?? (options.token ? Promise.resolve(options.token) : null);

  // Keys of the writes not yet settled, by action (method, path and body): a retry finds its key here.
  // A plain object is enough: every action starts with its method, so none is named like a prototype member.
  const keys: Record<string, string> = {};

  // Asks the host for a fresh token; false when it has none to give (no getToken, or an empty
  // answer): the refused one then stands, so the reader is asked to sign in again, not taken for a guest.
  // The token for the next request: the host is asked once, and again only after a refusal.
  const bearer = () => (token ??= askHost(options.getToken));

  const renew = async () => {
    const fresh = await askHost(options.getToken);
    if (fresh) token = Promise.resolve(fresh);
    return !!fresh;
  };

  async function call<S extends z.ZodMiniType>(schema: S, method: string, path: string, query?: Query, body?: unknown): Promise<Result<z.infer<S>>> {
    // JSON.stringify(undefined) is undefined: no body.
    const text: string | undefined = JSON.stringify(body);
    const action = method + path + text;
    // Random enough: keys only need to differ among one reader's own writes on one site. A key is
    // dropped once its action succeeds; after a failure, trying the same action again reuses it
    // (the server keeps only answers that changed something, so a refusal is simply asked again).
    const key = method != 'GET' && (keys[action] ||= `${Math.random()}`);
    for (let retried = false; ; retried = true) {
      let res: Response;
      let json: unknown;
      try {
        const url = apiUrl(options.api, path, query);
        const headers: Record<string, string> = {};
        // The header's name is written out, not imported: the constant would cost the bundle a variable.
        if (key) headers['Idempotency-Key'] = key;
        const current = await bearer();
        if (current) headers.Authorization = `Bearer ${current}`;
        if (text) headers['Content-Type'] = 'application/json';
        const init = { method, headers, body: text };
        // The first thread request may be on its way already, asked by embed.js with this token.
        if (early?.url === url) {
          const { response } = early;
          early = undefined;
          res = await response.catch(() => doFetch(url, init));
        } else res = await doFetch(url, init);
        json = await res.json().catch(() => null);
      } catch {
        // No answer at all: offline, a wrong data-api, or refused by CORS before the API could say why.
        return fail('unreachable', 'Network error');
      }
      if (res.ok) {
        delete keys[action];
        const parsed = schema.safeParse(json);
        return parsed.success ? ok(parsed.data) : fail('bad_response', 'Unexpected response');
      }
      const err = ErrorBody.safeParse(json);
      const error = err.success ? err.data.error : { code: res.status >= 500 ? 'unavailable' : 'bad_request', message: `HTTP ${res.status}` };
      // A refused token (expired, unverifiable, another site's): once more with a fresh one, if the host has it.
      if (!retried && res.status === 401 && TOKEN_REFUSALS[error.code as keyof typeof TOKEN_REFUSALS] && (await renew())) continue;
      return fail(error.code, error.message, error.fields);
    }
  }

  const { site } = options;
  return {
    site,
    /** For requests loaded with the UI that makes them (see report.ts, member-requests.ts), so first load skips them. */
    call,
    /** For the requests `call` cannot make: beacons, which carry no headers (see components/cta-watch.ts). */
    api: options.api,
    bearer,
    /** Forget the token so the next call asks getToken (or use the one given). */
    setToken(next?: string | null) {
      early = undefined;
      token = next === undefined ? null : Promise.resolve(next);
    },
    async thread(req: ThreadRequest) {
      const get = () => call(ThreadView, 'GET', readerPaths.thread(site), threadQuery(req, req.sort));
      const r = await get();
      // The guest view for a member whose token no longer counts: once more with a fresh one, if the host has it.
      return r.ok && lapsed(r.data.viewer.session) && (await renew()) ? get() : r;
    },
    async page(threadId: string, sort: Sort, cursor?: string) {
      const get = () => call(CommentPage, 'GET', readerPaths.comments(site, threadId), { sort, cursor });
      const r = await get();
      // A guest's page for a member whose token no longer counts: as for the thread view.
      return r.ok && lapsed(r.data.session) && (await renew()) ? get() : r;
    },
    conversation: (commentId: string) => call(ConversationResponse, 'GET', readerPaths.conversation(site, commentId)),
    // Members' writes are in api/member-requests.ts, loaded with the members' chunk.
  };
}

export type ApiClient = ReturnType<typeof createClient>;
