export interface BulkBarProps {
  /** Live items loaded. */
  total: number;
  checked: number;
  /** Comments the queue holds under its filters, loaded or not; null until known. */
  matching: number | null;
  /** The whole filtered queue is selected ("Select all N matching"). */
  allMatching: boolean;
  /** An operation on a filtered queue is under way: no other bulk action until it ends. */
  busy: boolean;
  onCheckAll(on: boolean): void;
  onCheckMatching(on: boolean): void;
  onApprove(): void;
  onReject(): void;
}

export function BulkBar({ total, checked, matching, allMatching, busy, onCheckAll, onCheckMatching, onApprove, onReject }: BulkBarProps) {
  const all = total > 0 && checked === total;
  // Beyond the loaded page the server acts on the whole filtered queue: offered once the page is all ticked.
  const more = all && !allMatching && matching !== null && matching > checked;
  const label = allMatching ? `All ${matching} matching selected` : checked ? `${checked} selected` : 'Select all';
  const some = checked > 0 || allMatching;
  return (
    <div class="bulk" aria-label="Bulk actions" role="group">
      <label>
        <input
          type="checkbox"
          checked={all || allMatching}
          indeterminate={checked > 0 && !all && !allMatching}
          disabled={total === 0 || busy}
          onChange={(e) => onCheckAll(e.currentTarget.checked)}
        />{' '}
        {label}
      </label>
      {more && (
        <button type="button" class="link select-matching" disabled={busy} onClick={() => onCheckMatching(true)}>
          Select all {matching} matching
        </button>
      )}
      {allMatching && (
        <button type="button" class="link" onClick={() => onCheckMatching(false)}>
          Clear selection
        </button>
      )}
      <button type="button" class="btn approve" disabled={!some || busy} onClick={onApprove}>
        {allMatching ? `Approve all ${matching}` : 'Approve selected'} <kbd>⇧A</kbd>
      </button>
      <button type="button" class="btn reject" disabled={!some || busy} onClick={onReject}>
        {allMatching ? `Reject all ${matching}` : 'Reject selected'}
      </button>
    </div>
  );
}
