// Reading: the thread view, its pages, a comment's conversation and comment counts.
import type { OperationSpec } from '../registry';
import { SiteParam, CommentParam, ThreadParam } from '../../../shared/schemas/params';
import { CountsQuery, CountsResponse, ThreadQuery, ThreadView } from '../../../shared/schemas/thread';
import { CommentPage, ConversationResponse, PageQuery } from '../../../shared/schemas/comment';
import { CtaEventBody } from '../../../shared/schemas/cta-events';

const site = '/api/v1/sites/{siteId}';

export const readerOperations: OperationSpec[] = [
  {
    method: 'get',
    path: `${site}/thread`,
    summary: "A page's thread: its first page of comments, the viewer, and the site's wording",
    description:
      'Made on first read when the site creates threads lazily and the URL is under one of its allowed origins. ' +
      'Guests get `ETag` and a short public `Cache-Control`; a refused token reads as a guest, with `viewer.session` saying why.',
    tag: 'Reader',
    access: 'reader',
    refusedTokenReadsAsGuest: true,
    params: SiteParam,
    query: ThreadQuery,
    answers: { 200: { description: 'The thread view', json: ThreadView }, 304: { description: 'Not modified since the `If-None-Match` ETag' } },
    errors: ['origin_not_allowed', 'thread_not_found', 'rate_limited'],
  },
  {
    method: 'get',
    path: `${site}/threads/{threadId}/comments`,
    summary: 'A further page of top-level comments, with their replies',
    tag: 'Reader',
    access: 'reader',
    refusedTokenReadsAsGuest: true,
    params: ThreadParam,
    query: PageQuery,
    answers: { 200: { description: 'One page; `nextCursor` asks for the next', json: CommentPage }, 304: { description: 'Not modified since the `If-None-Match` ETag' } },
    errors: ['thread_not_found', 'rate_limited'],
  },
  {
    method: 'get',
    path: `${site}/comments/{commentId}/conversation`,
    summary: "A comment's whole conversation, for a link to one comment",
    tag: 'Reader',
    access: 'reader',
    params: CommentParam,
    answers: { 200: { description: 'The top-level comment and its replies, oldest first', json: ConversationResponse } },
    errors: ['comment_not_found'],
  },
  {
    method: 'get',
    path: `${site}/counts`,
    summary: 'Published comment counts for up to 100 pages, by URL or page id',
    description: 'Repeat `url` or `pageId` for several pages. Public for 60 seconds.',
    tag: 'Reader',
    access: 'reader',
    params: SiteParam,
    query: CountsQuery,
    answers: { 200: { description: 'Counts keyed by the URL or page id asked for', json: CountsResponse } },
  },
  {
    method: 'post',
    path: `${site}/cta-events`,
    summary: 'A call to action was shown or clicked (the widget\'s beacon)',
    description:
      'Sent with `sendBeacon` as `text/plain` JSON, so the reader\'s token, when there is one, comes in the body. ' +
      'Counted per day by the thread\'s section and the token\'s tier; only from the site\'s allowed origins.',
    tag: 'Reader',
    access: 'none',
    params: SiteParam,
    body: CtaEventBody,
    bodyTypes: ['text/plain', 'application/json'],
    answers: { 204: { description: 'Counted' } },
    errors: ['origin_not_allowed', 'thread_not_found', 'token_invalid', 'token_expired', 'token_wrong_audience', 'token_algorithm_not_allowed', 'rate_limited'],
  },
];
