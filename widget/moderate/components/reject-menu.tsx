import { useLayoutEffect, useRef } from 'preact/hooks';
import { REJECT_REASONS } from '../../../shared/schemas/moderation-api';
import type { RejectReason } from '../api';
import { REJECT_LABELS } from '../model/reject-reason';

export interface RejectMenuProps {
  /** How many comments will be rejected. */
  count: number;
  initial: RejectReason;
  onPick(reason: RejectReason): void;
  onCancel(): void;
}

/** Asks why before rejecting: arrows or j/k move, Enter or 1–6 pick, Esc cancels. */
export function RejectMenu({ count, initial, onPick, onCancel }: RejectMenuProps) {
  const menu = useRef<HTMLDivElement>(null);
  const buttons = () => Array.from(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);

  useLayoutEffect(() => {
    buttons()[REJECT_REASONS.indexOf(initial)]?.focus();
  }, []);

  function onKeyDown(e: KeyboardEvent) {
    const list = buttons();
    const at = list.indexOf(e.composedPath()[0] as HTMLButtonElement);
    const focus = (i: number) => list[(i + list.length) % list.length]?.focus();
    const digit = Number(e.key);
    if (e.key === 'ArrowDown' || e.key === 'j') focus(at + 1);
    else if (e.key === 'ArrowUp' || e.key === 'k') focus(at - 1);
    else if (e.key === 'Home') focus(0);
    else if (e.key === 'End') focus(list.length - 1);
    else if (e.key === 'Escape') onCancel();
    else if (digit >= 1 && digit <= REJECT_REASONS.length) onPick(REJECT_REASONS[digit - 1]);
    else if (e.key !== 'Enter' && e.key !== ' ' && e.key !== 'Tab') {
      // Keep every other key from reaching the queue's shortcuts while the menu is open.
      e.stopPropagation();
      return;
    }
    if (e.key !== 'Tab' && e.key !== 'Enter' && e.key !== ' ') e.preventDefault();
    e.stopPropagation();
  }

  return (
    <div class="popover reject-menu" role="menu" aria-label={count > 1 ? `Reject ${count} comments because…` : 'Reject because…'} ref={menu} onKeyDown={onKeyDown}>
      <p class="popover-title" aria-hidden="true">
        {count > 1 ? `Reject ${count} comments because…` : 'Reject because…'}
      </p>
      {REJECT_REASONS.map((r, i) => (
        <button type="button" role="menuitem" key={r} class={r === initial ? 'suggested' : undefined} onClick={() => onPick(r)}>
          <kbd>{i + 1}</kbd> {REJECT_LABELS[r]}
        </button>
      ))}
      <button type="button" class="link" onClick={onCancel}>
        Cancel <kbd>Esc</kbd>
      </button>
    </div>
  );
}
