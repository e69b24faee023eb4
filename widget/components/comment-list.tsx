import { useState } from 'preact/hooks';
import { containsId, countDescendants, type CommentNode } from '../model/tree';
import type { WidgetContext } from './context';
import { CommentItem } from './comment-item';

/** Replies deeper than this wait behind a button, so long exchanges do not squeeze the column. */
export const VISIBLE_DEPTH = 3;

export interface CommentListProps {
  ctx: WidgetContext;
  nodes: CommentNode[];
  /** Set once a reader unfolded an ancestor: the whole branch then stays open. */
  unfolded?: boolean;
  /** The comment these answer, when there is one. */
  parent?: CommentNode;
}

export function CommentList({ ctx, nodes, unfolded, parent }: CommentListProps) {
  return (
    <ol>
      {nodes.map((node) => (
        <Branch key={node.comment.id} ctx={ctx} node={node} unfolded={unfolded} parent={parent} />
      ))}
    </ol>
  );
}

export interface BranchProps {
  ctx: WidgetContext;
  node: CommentNode;
  unfolded?: boolean;
  parent?: CommentNode;
}

function Branch({ ctx, node, unfolded, parent }: BranchProps) {
  const { state } = ctx;
  const [open, setOpen] = useState(false);
  const { children, depth } = node;
  // A linked or just-written comment is never left hidden inside a folded branch.
  const shown = open || unfolded || depth < VISIBLE_DEPTH || containsId(node, state.highlightId) || containsId(node, state.focus?.id ?? null);
  const more = countDescendants(node);
  return (
    <li class={depth < VISIBLE_DEPTH ? undefined : 'flat'}>
      {/* Past the depth where replies stop indenting, each says whom it answers. */}
      <CommentItem ctx={ctx} comment={node.comment} replyTo={depth > VISIBLE_DEPTH ? parent?.comment.author?.name : undefined} />
      {children.length > 0 &&
        (shown ? (
          <CommentList ctx={ctx} nodes={children} unfolded={open || unfolded} parent={node} />
        ) : (
          <button type="button" class="link" onClick={() => setOpen(true)}>
            {ctx.t(more === 1 ? 'replies.one' : 'replies.other', { n: more })}
          </button>
        ))}
    </li>
  );
}
