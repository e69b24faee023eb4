// Editing and deleting one's own comment, which few readers do: app.js loads this module the
// first time one asks to (see comment-actions.tsx), as it does the report form.
import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { CommentView } from '../../shared/schemas/comment';
import type { ComposerProps } from './composer';
import type { WidgetContext } from './context';
import type { MemberTranslate } from '../lib/member-translate';

export interface EditFormProps {
  /** Handed in rather than imported: the members' chunk has it, and this one then shares nothing with it. */
  Composer(props: ComposerProps): JSX.Element;
  ctx: WidgetContext;
  comment: CommentView;
  maxLength: number;
  onDone(comment: CommentView): void;
  onCancel(): void;
}

export function EditForm({ Composer, ctx, comment: c, maxLength, onDone, onCancel }: EditFormProps) {
  return (
    <Composer
      id={`edit-${c.id}`}
      label={ctx.member.t!('edit.label')}
      submitLabel={ctx.member.t!('edit.submit')}
      maxLength={maxLength}
      strings={ctx.state.view?.site.strings}
      initial={c.source}
      autoFocus
      onSubmit={(body) => ctx.member.actions!.edit(c.id, body)}
      onPreview={ctx.member.actions!.preview}
      onDone={onDone}
      onCancel={onCancel}
    />
  );
}

export interface ConfirmDeleteProps {
  onDelete(): void;
  onKeep(): void;
  t: MemberTranslate;
}

export function ConfirmDelete({ onDelete, onKeep, t }: ConfirmDeleteProps) {
  const keep = useRef<HTMLButtonElement>(null);
  // Confirming starts on the harmless choice.
  useEffect(() => keep.current?.focus(), []);
  return (
    <div class="actions" role="group" aria-label={t('delete.confirmName')}>
      <span>{t('delete.confirm')}</span>
      <button type="button" class="error" onClick={onDelete}>
        {t('action.delete')}
      </button>
      <button type="button" ref={keep} onClick={onKeep}>
        {t('delete.keep')}
      </button>
    </div>
  );
}
