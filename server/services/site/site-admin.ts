// Who may change a site's own configuration: its admins, and the holder of its API key.
import type { Moderator } from '../moderation/moderator';
import { AppError } from '../errors';

export function assertSiteAdmin(moderator: Moderator, what: string): void {
  if (moderator.rank !== 'admin' && moderator.rank !== 'owner') {
    throw new AppError('admin_required', `Only admins and the site owner (with the API key) may ${what}`);
  }
}
