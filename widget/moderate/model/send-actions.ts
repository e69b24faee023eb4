// A moderator's action on the comments they ticked: one request for one comment, and for more the
// bulk route in slices of at most BULK_MAX_IDS (the limit the server's schema enforces), one after
// another. A refusal stops there: what was done stays done, the rest is handed back.
import { BULK_MAX_IDS, type ActionSummary, type QueueItemView } from '../../../shared/schemas/moderation-api';
import type { ApiError } from '../../api/result';
import type { CommentActionName, ModerationClient, RejectReason } from '../api';

export interface Sent {
  items: QueueItemView[];
  actions: ActionSummary[];
  /** Ids the server did not act on, because of `error`. */
  refused: string[];
  error: ApiError | null;
}

export async function sendActions(client: ModerationClient, ids: string[], action: CommentActionName, reason?: RejectReason): Promise<Sent> {
  if (ids.length === 1) {
    const res = await client.act(ids[0], action, reason);
    return res.ok ? { items: [res.data.item], actions: [res.data.action], refused: [], error: null } : { items: [], actions: [], refused: ids, error: res.error };
  }
  const sent: Sent = { items: [], actions: [], refused: [], error: null };
  for (let at = 0; at < ids.length; at += BULK_MAX_IDS) {
    const res = await client.bulk(ids.slice(at, at + BULK_MAX_IDS), action, reason);
    if (!res.ok) return { ...sent, refused: ids.slice(at), error: res.error };
    sent.items.push(...res.data.items);
    sent.actions.push(...res.data.actions);
  }
  return sent;
}
