import { RULE_IDS } from '../../../shared/schemas/moderation-settings';
import type { QueueFilter } from '../model/queue';

export interface FilterBarProps {
  filter: QueueFilter;
  /** Threads seen so far (id → title): the API has no thread search, so these are the choices. */
  threads: Record<string, string>;
  onChange(filter: QueueFilter): void;
  onRefresh(): void;
}

export function FilterBar({ filter, threads, onChange, onRefresh }: FilterBarProps) {
  return (
    <div class="filters" role="search" aria-label="Filter the queue">
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
      <button type="button" class="btn" onClick={onRefresh}>
        Refresh
      </button>
      <span class="hint">
        Press <kbd>?</kbd> for shortcuts
      </span>
    </div>
  );
}
