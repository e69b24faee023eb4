// Members' writes: post and reply, edit, delete, like, report, preview. Each is judged by the
// site's rules, which may refuse it (not signed in, banned, suspended, closed, tier, length, flooding).
import type { OperationSpec } from '../registry';
import type { ErrorCode } from '../../../shared/errors';
import { CommentParam, SiteParam, ThreadParam } from '../../../shared/schemas/params';
import { CommentResponse, CreateCommentBody, EditCommentBody, LikeResponse, NudgeResponse, PreviewBody, PreviewResponse } from '../../../shared/schemas/comment-writes';
import { ReportBody, ReportResponse } from '../../../shared/schemas/report';

const site = '/api/v1/sites/{siteId}';
/** What the rules refuse a member's write with (server/moderation/rules). */
const REFUSED: ErrorCode[] = ['banned', 'suspended', 'thread_closed', 'tier_not_allowed_here'];
const write = { tag: 'Members', access: 'member', idempotent: true, writeLimited: true } as const;

export const memberOperations: OperationSpec[] = [
  {
    ...write,
    method: 'post',
    path: `${site}/threads/{threadId}/comments`,
    summary: 'Post a comment, or reply with `parentId`',
    description:
      'The comment is stored with the status the rules gave it (published, pending or rejected). ' +
      'When a nudge applies, nothing is stored: the findings come back, and the author may revise or send `afterNudge`.',
    params: ThreadParam,
    body: CreateCommentBody,
    answers: {
      201: { description: 'Stored, with its status', json: CommentResponse },
      200: { description: 'Not stored: a nudge to show the author', json: NudgeResponse },
    },
    errors: [...REFUSED, 'thread_not_found', 'comment_not_found'],
  },
  {
    ...write,
    method: 'patch',
    path: `${site}/comments/{commentId}`,
    summary: "Edit one's own comment within the edit window",
    description: 'Judged again by every rule; text the rules would reject is refused and the comment stays as it was.',
    params: CommentParam,
    body: EditCommentBody,
    answers: { 200: { description: 'The edited comment', json: CommentResponse } },
    errors: [...REFUSED, 'comment_not_found', 'not_author', 'edit_window_passed', 'rejected_not_editable', 'rejected', 'conflict'],
  },
  {
    ...write,
    method: 'delete',
    path: `${site}/comments/{commentId}`,
    summary: "Delete one's own comment (a tombstone keeps its replies)",
    params: CommentParam,
    answers: { 200: { description: 'The tombstone', json: CommentResponse } },
    errors: ['banned', 'suspended', 'comment_not_found', 'not_author', 'conflict'],
  },
  {
    ...write,
    method: 'put',
    path: `${site}/comments/{commentId}/like`,
    summary: 'Like a comment',
    params: CommentParam,
    answers: { 200: { description: 'Its likes now', json: LikeResponse } },
    errors: [...REFUSED, 'comment_not_found', 'forbidden'],
  },
  {
    ...write,
    method: 'delete',
    path: `${site}/comments/{commentId}/like`,
    summary: 'Take a like back',
    params: CommentParam,
    answers: { 200: { description: 'Its likes now', json: LikeResponse } },
    errors: [...REFUSED, 'comment_not_found', 'forbidden'],
  },
  {
    ...write,
    method: 'post',
    path: `${site}/comments/{commentId}/report`,
    summary: 'Report a comment to the moderators',
    params: CommentParam,
    body: ReportBody,
    answers: { 200: { description: 'Reported (once per member)', json: ReportResponse } },
    errors: ['banned', 'suspended', 'comment_not_found', 'forbidden'],
  },
  {
    ...write,
    idempotent: false,
    method: 'post',
    path: `${site}/preview`,
    summary: 'A draft rendered as posting would store it; stores nothing',
    params: SiteParam,
    body: PreviewBody,
    answers: { 200: { description: "The draft's HTML", json: PreviewResponse } },
  },
];
