// How the client addresses the API and gets its first token. embed.js uses the same functions
// to start the thread request while app.js downloads (see loader/prefetch.ts), so the address
// it asks is the one the app would ask, and the app can tell the response is the one it wants.
import type { Sort } from '../../shared/schemas/common';
import type { GetToken } from '../config';

export type Query = Record<string, string | undefined>;

export function apiUrl(api: string, path: string, query: Query = {}): string {
  const q = `${new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined))}`;
  return api.replace(/\/+$/, '') + path + (q ? `?${q}` : '');
}

/** The host's token, or null for a guest (also when getToken is missing or fails). */
export const askHost = (getToken?: GetToken): Promise<string | null> => Promise.resolve(getToken?.()).then((t) => t || null, () => null);

/** The order a widget opens with, so also the one embed.js asks for. */
export const FIRST_SORT: Sort = 'newest';

/** The query of GET /thread: the page, and the order to show it in. */
export const threadQuery = (page: { url: string; pageId?: string; title?: string }, sort: string): Query => ({
  url: page.url,
  pageId: page.pageId,
  title: page.title,
  sort,
});
