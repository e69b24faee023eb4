// The thread's newest page asked again with the ETag of the last answer, so a thread where nothing
// changed costs a 304 and no body. Asked as a guest: everyone's answer is the same, so the server
// (and any cache in front of it) answers it from memory; what is the reader's own is known from the
// thread the widget loaded signed in. Loaded with the live updates, not with the first load.
import { readerPaths } from '../../shared/api-paths';
import { CommentPage } from '../../shared/schemas/comment';
import type { WidgetConfig } from '../config';
import { apiUrl } from './request';
import { fail, ok, type Result } from './result';

/** A changed page and its ETag, or null when it is the same as the one the ETag named. */
export type Polled = { page: CommentPage; etag: string | null } | null;

export async function pollPage(config: Pick<WidgetConfig, 'api' | 'site' | 'fetch'>, threadId: string, etag: string | null): Promise<Result<Polled>> {
  const url = apiUrl(config.api, readerPaths.comments(config.site, threadId), { sort: 'newest' });
  try {
    const res = await (config.fetch ?? fetch)(url, { headers: etag ? { 'If-None-Match': etag } : {} });
    if (res.status === 304) return ok(null);
    if (!res.ok) return fail(res.status >= 500 ? 'unavailable' : 'bad_request', `HTTP ${res.status}`);
    const parsed = CommentPage.safeParse(await res.json());
    return parsed.success ? ok({ page: parsed.data, etag: res.headers.get('ETag') }) : fail('bad_response', 'Unexpected response');
  } catch {
    return fail('unreachable', 'Network error');
  }
}
