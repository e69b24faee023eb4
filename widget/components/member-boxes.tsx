// The comment boxes a signed-in reader writes in: the one above the thread and the one under a
// comment being answered. In the members' chunk with the composer they wrap; app.js only says where.
import type { CommentView } from '../../shared/schemas/comment';
import { Composer } from './composer';
import { MailSlot } from './mail-slot';
import type { WidgetContext } from './context';

export interface NewCommentProps {
  ctx: WidgetContext;
  /** The member's sign-in lapsed: the box stays, disabled, with its draft (see gate.tsx). */
  lost: boolean;
}

export function NewComment({ ctx: { state, actions, t, member, client }, lost }: NewCommentProps) {
  const { viewer, site, thread } = state.view!;
  return (
    <>
    <Composer
      id="new"
      label={viewer.name && !lost ? t('compose.as', { name: viewer.name }) : t('compose')}
      submitLabel={t('post')}
      maxLength={site.maxLength}
      strings={site.strings}
      onSubmit={(body, afterNudge) => member.actions!.post({ body, afterNudge })}
      onPreview={member.actions!.preview}
      onDone={(c) => actions.focus(c.id)}
    />
    {viewer.mail && !lost && <MailSlot client={client} threadId={thread.id} strings={site.strings} />}
    </>
  );
}

export interface ReplyBoxProps {
  ctx: WidgetContext;
  comment: CommentView;
  onDone(comment: CommentView): void;
  onCancel(): void;
}

export function ReplyBox({ ctx: { state, member }, comment: c, onDone, onCancel }: ReplyBoxProps) {
  const site = state.view!.site;
  return (
    <Composer
      id={`reply-${c.id}`}
      label={member.t!('reply.label', { name: c.author?.name ?? '' })}
      submitLabel={member.t!('reply.submit')}
      maxLength={site.maxLength}
      strings={site.strings}
      autoFocus
      onSubmit={(body, afterNudge) => member.actions!.post({ body, parentId: c.id, afterNudge })}
      onPreview={member.actions!.preview}
      onDone={onDone}
      onCancel={onCancel}
    />
  );
}
