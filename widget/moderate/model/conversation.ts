// A queue item's conversation as a tree for "show thread": the server sends it flat, oldest first.
import type { ModeratorConversation } from '../../../shared/schemas/moderation-api';

export type ConversationEntry = ModeratorConversation['comments'][number];

export interface ConversationNode {
  comment: ConversationEntry;
  replies: ConversationNode[];
}

/** Replies under what they answer, each level oldest first; a reply whose parent was not sent stands at the top. */
export function conversationTree(comments: ConversationEntry[]): ConversationNode[] {
  const nodes = new Map(comments.map((c) => [c.id, { comment: c, replies: [] as ConversationNode[] }]));
  const top: ConversationNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.comment.parentId ? nodes.get(node.comment.parentId) : undefined;
    (parent ? parent.replies : top).push(node);
  }
  return top;
}
