// When the thread cannot load, readers get a sentence; whoever embeds the widget gets this line
// in the console, saying what to fix, since most such failures are a setup mistake.
import type { ApiError } from '../api/result';
import type { WidgetConfig } from '../config';

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
