export interface BulkBarProps {
  total: number;
  checked: number;
  onCheckAll(on: boolean): void;
  onApprove(): void;
  onReject(): void;
}

export function BulkBar({ total, checked, onCheckAll, onApprove, onReject }: BulkBarProps) {
  const all = total > 0 && checked === total;
  return (
    <div class="bulk" aria-label="Bulk actions" role="group">
      <label>
        <input
          type="checkbox"
          checked={all}
          indeterminate={checked > 0 && !all}
          disabled={total === 0}
          onChange={(e) => onCheckAll(e.currentTarget.checked)}
        />{' '}
        {checked ? `${checked} selected` : 'Select all'}
      </label>
      <button type="button" class="btn approve" disabled={!checked} onClick={onApprove}>
        Approve selected <kbd>⇧A</kbd>
      </button>
      <button type="button" class="btn reject" disabled={!checked} onClick={onReject}>
        Reject selected
      </button>
    </div>
  );
}
