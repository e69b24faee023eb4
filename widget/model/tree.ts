// The thread arrives flat (each comment names its parent); readers see it nested. Pure.
import type { CommentView } from '../../shared/schemas/comment';

export interface CommentNode {
  comment: CommentView;
  depth: number;
  children: CommentNode[];
}

/**
 * Top-level comments keep the order they came in (the chosen sort); replies read oldest
 * first. A later copy of the same id wins, and a reply whose parent is not loaded is shown
 * at the top level rather than lost, unless it is an editor's pick: the picks block shows
 * those, and links to them in their conversation. A deleted comment stays, as a tombstone, only
 * while replies hang from it.
 */
export function buildTree(comments: readonly CommentView[]): CommentNode[] {
  const nodes = new Map<string, CommentNode>();
  for (const comment of comments) nodes.set(comment.id, { comment, depth: 0, children: [] });
  const roots: CommentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.comment.parentId === null ? undefined : nodes.get(node.comment.parentId);
    if (parent && parent !== node) parent.children.push(node);
    else if (node.comment.parentId === null || !node.comment.featured) roots.push(node);
  }
  const place = (list: CommentNode[], depth: number): CommentNode[] =>
    list.filter((node) => {
      node.depth = depth;
      node.children = place(node.children, depth + 1).sort((a, b) => a.comment.createdAt - b.comment.createdAt);
      return !node.comment.deleted || node.children.length > 0;
    });
  return place(roots, 0);
}

export function countDescendants(node: CommentNode): number {
  return node.children.reduce((n, child) => n + 1 + countDescendants(child), 0);
}

export function containsId(node: CommentNode, id: string | null): boolean {
  return id !== null && node.children.some((child) => child.comment.id === id || containsId(child, id));
}
