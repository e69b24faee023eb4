import { useRef, useState } from 'preact/hooks';
import type { CommentView } from '../../shared/schemas/comment';
import { readerMessage } from '../../shared/errors';
import { actionMessage } from '../lib/action-message';
import type { WidgetContext } from './context';
import type { ReportDialog } from './report-dialog';
import { Likes } from './likes';

/** The edit form and the delete confirmation, once a reader has asked for either (see comment-manage.tsx). */
export let manage: typeof import('./comment-manage') | undefined;

export type Mode = 'read' | 'reply' | 'edit' | 'delete' | 'report';

export interface CommentActionsProps {
  ctx: WidgetContext;
  comment: CommentView;
  mode: Mode;
  setMode(mode: Mode): void;
}

/** Like, reply, edit, delete and report: each shown only to whoever may use it. */
export function CommentActions({ ctx, comment: c, mode, setMode }: CommentActionsProps) {
  const { state, actions, now } = ctx;
  const [note, setNote] = useState('');
  const [Report, setReport] = useState<typeof ReportDialog | null>(null);
  const reportButton = useRef<HTMLButtonElement>(null);
  const viewer = state.view?.viewer;
  const staff = viewer?.role === 'moderator' || viewer?.role === 'admin';
  const canReply = viewer?.canComment && c.status === 'published';
  // The server refuses edits to a rejected comment (rejected_not_editable); its author may still delete it.
  const canEdit = c.mine && c.status !== 'rejected' && c.editableUntil !== null && c.editableUntil > now;
  // Members see others' comments only once published.
  const canReport = viewer?.signedIn && !c.mine;
  const strings = state.view?.site.strings;
  const explain = (code?: string) => actionMessage(code, strings);
  // Every button says whose comment it acts on: a screen reader's list of buttons is otherwise "Reply, Reply, Reply".
  const t = ctx.member.t!;
  const whose = c.mine ? t('whose.yours') : t('whose.theirs', { name: c.author?.name ?? '' });
  const show = async (r: { ok: boolean; error?: { code: string } }) => setNote(r.ok ? '' : await explain(r.error?.code));
  // Few readers ever report, so the form is fetched the first time one asks for it.
  const openReport = () =>
    import('./report-dialog').then(
      (m) => (setReport(() => m.ReportDialog), setMode('report'), setNote('')),
      () => setNote(readerMessage('unavailable', strings)),
    );
  // Few edit or delete either: those forms too are fetched the first time one is asked for.
  const openManage = (next: Mode) =>
    import('./comment-manage').then(
      (m) => ((manage = m), setMode(next)),
      () => setNote(readerMessage('unavailable', strings)),
    );
  const closeReport = (said?: string) => {
    setMode('read');
    setNote(said ?? '');
    reportButton.current?.focus();
  };

  const back = () => {
    setMode('read');
    actions.focus(c.id);
  };
  const remove = async () => {
    await show(await ctx.member.actions!.remove(c.id));
    back();
  };

  if (mode === 'delete' && manage) return <manage.ConfirmDelete onDelete={remove} onKeep={back} t={t} />;
  return (
    <>
      <div class="actions">
        {/* One's own comments, and those not published, are not for liking: their count only. */}
        {c.mine || c.status !== 'published' ? (
          <Likes count={c.likes} t={ctx.t} />
        ) : (
          <button
            type="button"
            class="link"
            aria-pressed={c.likedByMe}
            onClick={async () => show(await ctx.member.actions!.like(c.id, !c.likedByMe))}
          >
            {/* Its name starts with the count it shows, as voice control users say it. */}
            <span aria-hidden="true">♥ {c.likes}</span>
            <span class="sr">{t('action.like', { likes: ctx.t(c.likes === 1 ? 'likes.one' : 'likes.other', { n: c.likes }), whose })}</span>
          </button>
        )}
        {canReply && (
          <button
            type="button"
            class="link"
            aria-label={t('action.replyTo', { whose })}
            aria-expanded={mode === 'reply'}
            onClick={() => setMode(mode === 'reply' ? 'read' : 'reply')}
          >
            {t('action.reply')}
          </button>
        )}
        {canEdit && mode !== 'edit' && (
          <button type="button" class="link" aria-label={t('action.editOf', { whose })} onClick={() => openManage('edit')}>
            {t('action.edit')}
          </button>
        )}
        {(c.mine || staff) && (
          <button type="button" class="link" aria-label={t('action.deleteOf', { whose })} onClick={() => openManage('delete')}>
            {t('action.delete')}
          </button>
        )}
        {canReport && (
          <button
            type="button"
            class="link"
            ref={reportButton}
            aria-label={t('action.reportOf', { whose })}
            aria-expanded={mode === 'report'}
            onClick={() => (mode === 'report' ? closeReport() : openReport())}
          >
            {t('action.report')}
          </button>
        )}
        <span aria-live="polite">{note}</span>
      </div>
      {mode === 'report' && Report && <Report client={ctx.client} commentId={c.id} onClose={closeReport} explain={explain} t={t} />}
    </>
  );
}
