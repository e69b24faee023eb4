// Writing: members post, reply, edit, delete, like and preview. Each service checks who may do it here.
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import type { ServiceDeps } from '../services/deps';
import { CreateCommentBody, EditCommentBody, PreviewBody } from '../../shared/schemas/comment-writes';
import { CommentParam, ThreadParam } from '../../shared/schemas/params';
import { createComment } from '../services/comments/create-comment';
import { editComment } from '../services/comments/edit-comment';
import { deleteComment } from '../services/comments/delete-comment';
import { setLike } from '../services/comments/like-comment';
import { previewComment } from '../services/comments/preview-comment';
import { ReportBody } from '../../shared/schemas/moderation-api';
import { reportComment } from '../services/moderation/report-comment';
import { validate } from './validate';
import { memberSender, writeDeps, type WriteOnce } from './write-deps';
import { addressKeyOf } from '../middleware/site/address-key';

export function memberRoutes(services: ServiceDeps, writeOnce: WriteOnce) {
  const once = writeOnce(memberSender);
  return new Hono<AppEnv>()
    .post('/threads/:threadId/comments', validate('param', ThreadParam), validate('json', CreateCommentBody), async (c) => once(c, async () => {
      const deps = writeDeps(c, services);
      const result = await createComment(deps, {
        site: c.get('site'),
        threadId: c.req.valid('param').threadId,
        claims: c.get('claims'),
        input: c.req.valid('json'),
        ipHash: await addressKeyOf(c, services),
      });
      // A nudge stores nothing: 200 with the findings; a stored comment (whatever its status) is 201.
      return 'nudge' in result ? c.json(result, 200) : c.json(result, 201);
    }))
    .patch('/comments/:commentId', validate('param', CommentParam), validate('json', EditCommentBody), async (c) => once(c, async () => {
      const deps = writeDeps(c, services);
      const comment = await editComment(deps, {
        site: c.get('site'),
        commentId: c.req.valid('param').commentId,
        claims: c.get('claims'),
        body: c.req.valid('json').body,
      });
      return c.json({ comment });
    }))
    .delete('/comments/:commentId', validate('param', CommentParam), async (c) => once(c, async () => {
      const deps = writeDeps(c, services);
      const comment = await deleteComment(deps, c.get('site'), c.req.valid('param').commentId, c.get('claims'));
      return c.json({ comment });
    }))
    .put('/comments/:commentId/like', validate('param', CommentParam), async (c) => once(c, async () => {
      const deps = writeDeps(c, services);
      return c.json(await setLike(deps, c.get('site'), c.req.valid('param').commentId, c.get('claims'), true));
    }))
    .delete('/comments/:commentId/like', validate('param', CommentParam), async (c) => once(c, async () => {
      const deps = writeDeps(c, services);
      return c.json(await setLike(deps, c.get('site'), c.req.valid('param').commentId, c.get('claims'), false));
    }))
    .post('/comments/:commentId/report', validate('param', CommentParam), validate('json', ReportBody), async (c) => once(c, async () => {
      const deps = writeDeps(c, services);
      return c.json(await reportComment(deps, c.get('site'), c.req.valid('param').commentId, c.get('claims'), c.req.valid('json')));
    }))
    // Changes nothing, so there is no answer to keep for a retry: no Idempotency-Key.
    .post('/preview', validate('json', PreviewBody), (c) => c.json(previewComment(c.get('claims'), c.req.valid('json').body)));
}
