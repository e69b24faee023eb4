// What only a signed-in reader asks for. Loaded with the members' chunk (components/member-ui.ts),
// so a guest's first load carries neither these requests nor the schemas of their answers.
import { readerPaths } from '../../shared/api-paths';
import { CommentResponse, CreateCommentResponse, LikeResponse, PreviewResponse, type CreateCommentBody } from '../../shared/schemas/comment-writes';
import type { ApiClient } from './client';

/** Answers the stored comment, or a nudge: findings the author may revise or post anyway. */
export const postComment = (client: ApiClient, threadId: string, input: CreateCommentBody) =>
  client.call(CreateCommentResponse, 'POST', readerPaths.comments(client.site, threadId), undefined, input);

export const editComment = (client: ApiClient, commentId: string, body: string) =>
  client.call(CommentResponse, 'PATCH', readerPaths.comment(client.site, commentId), undefined, { body });

export const removeComment = (client: ApiClient, commentId: string) => client.call(CommentResponse, 'DELETE', readerPaths.comment(client.site, commentId));

export const likeComment = (client: ApiClient, commentId: string, liked: boolean) =>
  client.call(LikeResponse, liked ? 'PUT' : 'DELETE', readerPaths.like(client.site, commentId));

/** The draft's HTML as posting would store it; stores nothing. */
export const previewComment = (client: ApiClient, body: string) =>
  client.call(PreviewResponse, 'POST', readerPaths.preview(client.site), undefined, { body });
