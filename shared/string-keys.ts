// The keys a site may word its own way in `settings.strings`, for the site command to check. Apart
// from strings.ts so the widget, which never asks, does not carry the members' part in app.js.
import { ERROR_STATUS } from './errors';
import { LIVE_STRINGS } from './live-strings';
import { MAIL_STRINGS } from './mail-strings';
import { NOTIFY_STRINGS } from './notify-strings';
import { MEMBER_STRINGS } from './member-strings';
import { own } from './own';
import { STRINGS } from './strings';

/** Whether a site may override this key: a key of any part of the catalogue, or `error.CODE` for an error code. */
export function isStringKey(key: string): boolean {
  return (
    own(STRINGS, key) !== undefined ||
    own(MEMBER_STRINGS, key) !== undefined ||
    own(LIVE_STRINGS, key) !== undefined ||
    own(MAIL_STRINGS, key) !== undefined ||
    own(NOTIFY_STRINGS, key) !== undefined ||
    (key.startsWith('error.') && own(ERROR_STATUS, key.slice(6)) !== undefined)
  );
}
