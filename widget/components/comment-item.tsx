import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CommentView } from '../../shared/schemas/comment';
import { readerMessage } from '../../shared/errors';
import { sanitizeHtml } from '../render/sanitize-html';
import { absoluteTime } from '../model/time';
import type { WidgetContext } from './context';
import { Composer } from './composer';
import { CommentActions, manage, type Mode } from './comment-actions';
import { RelativeTime } from './relative-time';

export interface CommentItemProps {
  ctx: WidgetContext;
  comment: CommentView;
}

export function CommentItem({ ctx, comment: c }: CommentItemProps) {
  const { state, actions, now } = ctx;
  const [mode, setMode] = useState<Mode>('read');
  const ref = useRef<HTMLElement>(null);
  const html = useMemo(() => sanitizeHtml(c.html), [c.html]);
  const highlighted = state.highlightId === c.id;
  const maxLength = state.view?.site.maxLength ?? 5000;

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
    <article id={`comment-${c.id}`} ref={ref} tabIndex={-1} class={highlighted ? 'highlighted' : undefined}>
      {c.deleted || !c.author ? (
        <p class="quiet">This comment was deleted.</p>
      ) : (
        <>
          <header class="meta">
            <strong class="author">{c.author.name}</strong>
            {c.author.role !== 'member' && <span class="badge role">{c.author.role}</span>}
            {c.author.badges.map((b) => (
              <span class="badge" key={b}>
                {b}
              </span>
            ))}
            {/* The permalink readers copy; following it highlights this comment. */}
            <a href={`#comment-${c.id}`}>
              <RelativeTime at={c.createdAt} now={now} />
            </a>
            {c.editedAt !== null && (
              <span title={`Edited ${absoluteTime(c.editedAt)}`}>edited</span>
            )}
            {c.featured && <span class="badge pick">Editor's pick</span>}
            {c.status === 'pending' && <span class="badge pending">Awaiting review</span>}
            {state.fresh?.includes(c.id) && <span class="badge">New</span>}
          </header>
          {c.status === 'rejected' && <p class="notice">{readerMessage('rejected')}</p>}
          {mode === 'edit' && manage ? (
            <manage.EditForm Composer={Composer} ctx={ctx} comment={c} maxLength={maxLength} onDone={done} onCancel={close} />
          ) : (
            <div class="body" dangerouslySetInnerHTML={{ __html: html }} />
          )}
          <CommentActions ctx={ctx} comment={c} mode={mode} setMode={setMode} />
        </>
      )}
      {mode === 'reply' && (
        <Composer
          id={`reply-${c.id}`}
          label={`Reply to ${c.author?.name ?? 'this comment'}`}
          submitLabel="Reply"
          maxLength={maxLength}
          autoFocus
          onSubmit={(body, afterNudge) => actions.post({ body, parentId: c.id, afterNudge })}
          onDone={done}
          onCancel={close}
        />
      )}
    </article>
  );
}
