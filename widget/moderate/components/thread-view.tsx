// "Show thread": a queue item's whole conversation inline, every comment with its state, the
// item itself marked, so a reply is judged with what it answers.
import { absoluteTime, relativeTime } from '../../model/time';
import { conversationTree, type ConversationNode } from '../model/conversation';
import { moderatorMessage } from '../model/messages';
import { useConversation, type LoadConversation } from '../model/use-conversation';
import { MAX_CONVERSATION } from '../../../shared/schemas/moderation-api';
import { StateBadge } from './status-badge';

export interface ThreadViewProps {
  itemId: string;
  /** Comments in the conversation, the item included. */
  size: number;
  now: number;
  load: LoadConversation;
}

export function ThreadView({ itemId, size, now, load }: ThreadViewProps) {
  const [state, { toggle, retry }] = useConversation(load);
  const regionId = `thread-of-${itemId}`;
  const others = size - 1;
  return (
    <div class="thread-view">
      <button type="button" class="link" aria-expanded={state.open} aria-controls={regionId} onClick={toggle}>
        {state.open ? 'Hide thread' : `Show thread (${others} other comment${others === 1 ? '' : 's'})`}
      </button>
      {state.open && (
        <div id={regionId} class="conversation" role="region" aria-label="Thread" aria-busy={state.loading}>
          {state.error ? (
            <p class="error">
              {moderatorMessage(state.error.code)}{' '}
              <button type="button" class="btn" onClick={retry}>
                Retry
              </button>
            </p>
          ) : !state.data ? (
            <p class="muted">Loading the thread…</p>
          ) : (
            <>
              <Replies nodes={conversationTree(state.data.comments)} itemId={itemId} now={now} />
              {state.data.truncated && <p class="muted">Showing the first {MAX_CONVERSATION} comments of this thread.</p>}
            </>
          )}
        </div>
      )}
    </div>
  );
}

interface RepliesProps {
  nodes: ConversationNode[];
  itemId: string;
  now: number;
}

function Replies({ nodes, itemId, now }: RepliesProps) {
  return (
    <ul class="conv">
      {nodes.map(({ comment: c, replies }) => (
        <li key={c.id} class={c.id === itemId ? 'current' : undefined} aria-current={c.id === itemId ? 'true' : undefined}>
          <div class="conv-head">
            <span class="author">{c.authorName}</span>{' '}
            <time dateTime={new Date(c.createdAt).toISOString()} title={absoluteTime(c.createdAt)}>
              {relativeTime(c.createdAt, now)}
            </time>{' '}
            <StateBadge state={c.state} />
            {c.id === itemId && <> <span class="badge">this comment</span></>}
          </div>
          <p class="body">{c.state === 'deleted' && !c.body ? <span class="muted">Deleted by its author</span> : c.body}</p>
          {replies.length > 0 && <Replies nodes={replies} itemId={itemId} now={now} />}
        </li>
      ))}
    </ul>
  );
}
