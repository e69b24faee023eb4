import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CommentView } from '../../shared/schemas/comment';
import { readerMessage } from '../../shared/errors';
import { sanitizeHtml } from '../render/sanitize-html';
import { absoluteTime } from '../model/time';
import type { WidgetContext } from './context';
import type { Mode } from './comment-actions';
import { RelativeTime } from './relative-time';
import { AuthorLine } from './author-line';
import { Likes } from './likes';

export interface CommentItemProps {
  ctx: WidgetContext;
  comment: CommentView;
  /** The author this comment answers, said where replies no longer indent (see comment-list.tsx). */
  replyTo?: string;
}

export function CommentItem({ ctx, comment: c, replyTo }: CommentItemProps) {
  const { state, actions, now, t } = ctx;
  // Members' actions for a signed-in viewer only: one who signed out keeps the code, not the buttons.
  const member = state.view?.viewer.signedIn ? ctx.member.ui : null;
  const manage = member?.manage;
  const [mode, setMode] = useState<Mode>('read');
  const ref = useRef<HTMLElement>(null);
  const html = useMemo(() => sanitizeHtml(c.html), [c.html]);
  const highlighted = state.highlightId === c.id;
  const maxLength = state.view?.site.maxLength ?? 5000;
  const strings = state.view?.site.strings;

  useEffect(() => {
    if (highlighted) ref.current?.scrollIntoView?.({ block: 'center' });
  }, [highlighted]);
  useEffect(() => {
    if (state.focus?.id === c.id) ref.current?.focus();
  }, [state.focus]);

  // After replying, editing or cancelling, focus lands on the comment that changed.
  const done = (comment: CommentView) => {
    setMode('read');
    actions.focus(comment.id);
  };
  const close = () => done(c);

  return (
    <article
      id={`comment-${c.id}`}
      ref={ref}
      tabIndex={-1}
      class={highlighted ? 'highlighted' : undefined}
      // Named by its author, so a screen reader's list of articles says whose each one is.
      aria-labelledby={c.author && !c.deleted ? `by-${c.id}` : undefined}
      aria-label={c.author && !c.deleted ? undefined : t('comment.deletedName')}
    >
      {c.deleted || !c.author ? (
        <p class="quiet">{t('comment.deleted')}</p>
      ) : (
        <>
          <header class="meta">
            <AuthorLine author={c.author} nameId={`by-${c.id}`} t={t} />
            {/* The permalink readers copy; following it highlights this comment. */}
            <a href={`#comment-${c.id}`}>
              <RelativeTime at={c.createdAt} now={now} />
            </a>
            {c.editedAt !== null && (
              <span title={absoluteTime(c.editedAt)}>{t('comment.edited')}</span>
            )}
            {c.featured && <span class="badge pick">{t('pick')}</span>}
            {c.status === 'pending' && <span class="badge pending">{t('comment.pending')}</span>}
            {replyTo && (
              <span class="reply-to">
                <span aria-hidden="true">↳ </span>
                {t('comment.replyingTo', { name: replyTo })}
              </span>
            )}
            {state.fresh?.includes(c.id) && <span class="badge">{t('comment.new')}</span>}
          </header>
          {c.status === 'rejected' && <p class="notice">{readerMessage('rejected', strings)}</p>}
          {mode === 'edit' && member && manage ? (
            <manage.EditForm Composer={member.Composer} ctx={ctx} comment={c} maxLength={maxLength} onDone={done} onCancel={close} />
          ) : (
            <div class="body" dangerouslySetInnerHTML={{ __html: html }} />
          )}
          {member ? (
            <member.CommentActions ctx={ctx} comment={c} mode={mode} setMode={setMode} />
          ) : (
            // A guest (or a member before the actions arrive) sees how many liked it.
            <div class="actions">
              <Likes count={c.likes} t={ctx.t} />
            </div>
          )}
        </>
      )}
      {mode === 'reply' && member && <member.ReplyBox ctx={ctx} comment={c} onDone={done} onCancel={close} />}
    </article>
  );
}
