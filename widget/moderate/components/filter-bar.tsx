import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { RULE_IDS } from '../../../shared/schemas/moderation-settings';
import { QUEUE_SEARCH_MAX, type QueueSort } from '../../../shared/schemas/moderation-api';
import type { QueueFilter } from '../model/queue';

/** How long typing may pause before the search is sent. */
export const SEARCH_DEBOUNCE_MS = 250;

const SORT_LABELS: Record<QueueSort, string> = { newest: 'Newest', oldest: 'Oldest', reports: 'Most reported', score: 'Priority' };

export interface FilterBarProps {
  filter: QueueFilter;
  sort: QueueSort;
  /** Threads seen so far (id → title): the API has no thread search, so these are the choices. */
  threads: Record<string, string>;
  onChange(filter: QueueFilter): void;
  onSort(sort: QueueSort): void;
  onRefresh(): void;
  /** The search box, for the / shortcut. */
  searchRef: RefObject<HTMLInputElement | null>;
  /** Esc in an empty search box: back to the list. */
  onLeaveSearch(): void;
}

export function FilterBar({ filter, sort, threads, onChange, onSort, onRefresh, searchRef, onLeaveSearch }: FilterBarProps) {
  const [text, setText] = useState(filter.q ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The latest filter, for a search sent after the moderator changed another filter meanwhile.
  const latest = useRef(filter);
  latest.current = filter;
  useEffect(() => setText(filter.q ?? ''), [filter.q]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const search = (value: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const q = value.trim() || undefined;
    if (q !== latest.current.q) onChange({ ...latest.current, q });
  };
  const typed = (value: string) => {
    setText(value);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => search(value), SEARCH_DEBOUNCE_MS);
  };

  return (
    <div class="filters" role="search" aria-label="Filter the queue">
      <label class="search">
        <span class="visually-hidden">Search comments and authors</span>
        <input
          type="search"
          ref={searchRef}
          value={text}
          maxLength={QUEUE_SEARCH_MAX}
          placeholder="Search comments and authors"
          onInput={(e) => typed(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') search(e.currentTarget.value);
            if (e.key !== 'Escape') return;
            // Chromium clears a search field on Esc by itself; this does it everywhere, and searches at once.
            e.preventDefault();
            if (!text) return onLeaveSearch();
            setText('');
            search('');
          }}
        />
        <kbd aria-hidden="true">/</kbd>
      </label>
      <label>
        Thread{' '}
        <select value={filter.threadId ?? ''} onChange={(e) => onChange({ ...filter, threadId: e.currentTarget.value || undefined })}>
          <option value="">All threads</option>
          {Object.entries(threads).map(([id, title]) => (
            <option value={id} key={id}>
              {title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Rule{' '}
        <select value={filter.rule ?? ''} onChange={(e) => onChange({ ...filter, rule: e.currentTarget.value || undefined })}>
          <option value="">Any rule</option>
          {RULE_IDS.map((id) => (
            <option value={id} key={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      <label>
        Sort{' '}
        <select value={sort} onChange={(e) => onSort(e.currentTarget.value as QueueSort)}>
          {(Object.keys(SORT_LABELS) as QueueSort[]).map((s) => (
            <option value={s} key={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" checked={filter.members === 'new'} onChange={(e) => onChange({ ...filter, members: e.currentTarget.checked ? 'new' : undefined })} />
        New members only
      </label>
      <button type="button" class="btn" onClick={onRefresh}>
        Refresh
      </button>
      <span class="hint">
        Press <kbd>?</kbd> for shortcuts
      </span>
    </div>
  );
}
