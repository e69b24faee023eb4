import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

export interface ConfirmDialogProps {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/** A small in-page confirmation: Enter confirms (the confirm button has focus), Esc cancels. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const confirm = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => confirm.current?.focus(), []);
  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
    // Letters must not moderate behind the dialog.
    e.stopPropagation();
  }
  return (
    <div class="popover confirm" role="alertdialog" aria-modal="true" aria-label={title} onKeyDown={onKeyDown}>
      <p class="popover-title">{title}</p>
      <div class="confirm-text">{children}</div>
      <div class="row">
        <button type="button" class="btn danger" ref={confirm} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
