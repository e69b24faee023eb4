// A signed-in reader's actions on the thread, loaded with the members' chunk: each makes its
// request, then dispatches what came back, as the reading actions in use-thread.ts do.
import type { CreateCommentBody } from '../../shared/schemas/comment-writes';
import type { ApiClient } from '../api/client';
import { editComment, likeComment, postComment, previewComment, removeComment } from '../api/member-requests';
import { rememberCommented } from './commented';
import { withLiked, withReplaced } from './written';
import type { ThreadActions } from './use-thread';

export function memberActions(client: ApiClient, { keep, dispatch, threadId }: ThreadActions) {
  return {
    post: async (input: CreateCommentBody) =>
      keep(await postComment(client, threadId(), input), (d) => {
        if (!('comment' in d)) return;
        rememberCommented(client.site);
        dispatch({ type: 'added', comment: d.comment });
      }),
    edit: async (id: string, body: string) => keep(await editComment(client, id, body), (d) => dispatch({ type: 'update', update: (s) => withReplaced(s, d.comment) })),
    remove: async (id: string) => keep(await removeComment(client, id), (d) => dispatch({ type: 'update', update: (s) => withReplaced(s, d.comment) })),
    like: async (id: string, liked: boolean) => keep(await likeComment(client, id, liked), (d) => dispatch({ type: 'update', update: (s) => withLiked(s, id, d.likes, d.likedByMe) })),
    preview: async (body: string) => keep(await previewComment(client, body), () => {}),
  };
}

export type MemberActions = ReturnType<typeof memberActions>;
