// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { CommentView } from '../../../shared/schemas/comment';
import { buildTree, containsId, countDescendants } from '../../../widget/model/tree';

let n = 0;
function view(id: string, parentId: string | null = null, createdAt = ++n): CommentView {
  return {
    id,
    threadId: 't1',
    parentId,
    author: { id: 'u1', name: 'Alice', badges: [], role: 'member', avatarUrl: null },
    html: `<p>${id}</p>`,
    status: 'published',
    createdAt,
    editedAt: null,
    deleted: false,
    featured: false,
    likes: 0,
    likedByMe: false,
    mine: false,
    editableUntil: null,
  };
}

const shape = (nodes: ReturnType<typeof buildTree>): unknown => nodes.map((x) => (x.children.length ? { [x.comment.id]: shape(x.children) } : x.comment.id));

describe('buildTree', () => {
  it('keeps top-level comments in the order the server sorted them', () => {
    expect(shape(buildTree([view('b', null, 2), view('a', null, 1), view('c', null, 3)]))).toEqual(['b', 'a', 'c']);
  });

  it('nests replies under their parents, oldest first, whatever order they arrive in', () => {
    const tree = buildTree([view('r2', 'a', 30), view('a', null, 1), view('r1', 'a', 20), view('r1x', 'r1', 25)]);
    expect(shape(tree)).toEqual([{ a: [{ r1: ['r1x'] }, 'r2'] }]);
    expect(tree[0].children[0].children[0].depth).toBe(2);
  });

  it('shows a reply whose parent is not loaded at the top level instead of losing it', () => {
    expect(shape(buildTree([view('a'), view('orphan', 'missing')]))).toEqual(['a', 'orphan']);
  });

  it('keeps one node per id, taking the later copy', () => {
    const edited = { ...view('a'), html: '<p>edited</p>' };
    const tree = buildTree([view('a'), view('b'), edited]);
    expect(tree.map((x) => x.comment.html)).toEqual(['<p>edited</p>', '<p>b</p>']);
  });

  it('counts and searches whole branches', () => {
    const [root] = buildTree([view('a'), view('b', 'a'), view('c', 'b'), view('d', 'a')]);
    expect(countDescendants(root)).toBe(3);
    expect(containsId(root, 'c')).toBe(true);
    expect(containsId(root, 'a')).toBe(false);
    expect(containsId(root, null)).toBe(false);
  });
});

describe('buildTree and deleted comments', () => {
  it('drops a deleted comment nothing answers, and keeps one with replies as a tombstone', () => {
    const gone = (id: string, parentId: string | null = null) => ({ ...view(id, parentId), deleted: true, author: null });
    expect(shape(buildTree([view('a'), gone('b'), gone('c'), view('c1', 'c')]))).toEqual(['a', { c: ['c1'] }]);
    // A tombstone whose only reply was deleted too answers nothing any more.
    expect(shape(buildTree([gone('d'), gone('d1', 'd'), view('e')]))).toEqual(['e']);
  });
});

describe("buildTree and editor's picks", () => {
  it('leaves a featured reply whose parent is not loaded to the picks block, and nests it once the parent is', () => {
    const pick = { ...view('pick', 'elsewhere'), featured: true };
    expect(shape(buildTree([pick, view('a'), view('orphan', 'missing')]))).toEqual(['a', 'orphan']);
    expect(shape(buildTree([pick, view('a'), view('elsewhere')]))).toEqual(['a', { elsewhere: ['pick'] }]);
    expect(shape(buildTree([{ ...view('root'), featured: true }, view('a')]))).toEqual(['root', 'a']);
  });
});
