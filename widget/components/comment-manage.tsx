// Editing and deleting one's own comment, which few readers do: app.js loads this module the
// first time one asks to (see comment-actions.tsx), as it does the report form.
import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { CommentView } from '../../shared/schemas/comment';
import type { ComposerProps } from './composer';
import type { WidgetContext } from './context';

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
      label="Edit your comment"
      submitLabel="Save"
      maxLength={maxLength}
      initial={c.source}
      autoFocus
      onSubmit={(body) => ctx.actions.edit(c.id, body)}
      onPreview={ctx.actions.preview}
      onDone={onDone}
      onCancel={onCancel}
    />
  );
}

export interface ConfirmDeleteProps {
  onDelete(): void;
  onKeep(): void;
}

export function ConfirmDelete({ onDelete, onKeep }: ConfirmDeleteProps) {
  const keep = useRef<HTMLButtonElement>(null);
  // Confirming starts on the harmless choice.
  useEffect(() => keep.current?.focus(), []);
  return (
    <div class="actions" role="group" aria-label="Confirm deletion">
      <span>Delete this comment?</span>
      <button type="button" class="error" onClick={onDelete}>
        Delete
      </button>
      <button type="button" ref={keep} onClick={onKeep}>
        Keep it
      </button>
    </div>
  );
}
