// The first thread request, started by embed.js as soon as it knows the page, in parallel with
// the download of app.js. The app picks the response up (see api/client.ts) instead of waiting
// for itself to load before asking for the token and then the thread.
import { threadPath } from '../../shared/api-paths';
import { apiUrl, askHost, FIRST_SORT, threadQuery } from '../api/request';
import type { Prefetch, WidgetConfig } from '../config';

export function prefetchThread(config: WidgetConfig): Prefetch {
  const token = config.token ? Promise.resolve(config.token) : askHost(config.getToken);
  const url = apiUrl(config.api, threadPath(config.site), threadQuery(config, FIRST_SORT));
  const response = token.then((bearer) => (config.fetch ?? fetch)(url, { headers: bearer ? { Authorization: `Bearer ${bearer}` } : {} }));
  // Unhandled only until the app takes it; when it failed, the app asks again.
  response.catch(() => {});
  return { token, url, response };
}
