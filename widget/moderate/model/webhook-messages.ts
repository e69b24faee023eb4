// Sentences for what the webhook routes refuse, where the dashboard's general ones would mislead.
import { moderatorMessage } from './messages';

/** `conflict`: what the refused action conflicts with, in the caller's words. */
export function webhookMessage(code: string | undefined, conflict = 'That cannot be done in its current state.'): string {
  if (code === 'forbidden') return 'Only admins and the site owner (signed in with the API key) may manage webhooks.';
  if (code === 'not_found') return 'That endpoint or delivery is no longer there. Reload the tab.';
  if (code === 'conflict') return conflict;
  return moderatorMessage(code);
}
