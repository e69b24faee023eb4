// When the thread (or more of it) cannot load, readers get a sentence, and whoever embeds the
// widget a line in the console saying what to fix, since most such failures are a setup mistake.
// Loaded on the first failure: a thread that loads needs neither.
import { READER_MESSAGES, type ErrorCode } from '../../shared/errors';
import { LOAD_MESSAGES } from '../../shared/load-messages';
import { own } from '../../shared/own';
import { translator } from '../../shared/strings';
import type { ApiError } from '../api/result';
import type { WidgetConfig } from '../config';

/**
 * Why it did not load, in the site's wording when it gave one. The codes with a sentence of
 * their own say it; the rest are the service's trouble, said without the drafts an action's
 * sentence speaks of.
 */
export function loadMessage(code: string, strings?: Readonly<Record<string, string>>): string {
  const sentence = LOAD_MESSAGES[code as ErrorCode] ?? (code != 'unavailable' ? READER_MESSAGES[code as ErrorCode] : undefined);
  return sentence
    ? ((strings && own(strings, `error.${code}`)) ?? sentence)
    : translator(strings)(code == 'unreachable' ? 'load.unreachable' : 'load.unavailable');
}

export function warnDeveloper({ api, site, url }: WidgetConfig, { code, message }: ApiError): void {
  const named = `site "${site}"`;
  console.error(
    'Parley: ' +
      (code == 'origin_not_allowed'
        ? `this page's origin ${url.split('/', 3).join('/')} is not in the allowedOrigins of ${named}; add it to the site's file and run npm run site -- put SITE.json`
        : code == 'site_not_found'
          ? `${api} has no ${named}; check data-site, or create the site with npm run site -- put SITE.json`
          : code == 'unreachable'
            ? `no answer from ${api}; check data-api, that the service is up, and that ${named} lists this page's origin in allowedOrigins (else the browser blocks the answer)`
            : `the thread did not load: ${code} (${message})`),
  );
}
