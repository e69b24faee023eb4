// Loads the stats page's numbers once per visit to the tab.
import { useEffect, useState } from 'preact/hooks';
import type { StatsResponse } from '../../../shared/schemas/moderation-api';
import type { ApiError } from '../../api/result';
import type { ModerationClient } from '../api';

export type StatsState = { phase: 'loading' } | { phase: 'ready'; stats: StatsResponse } | { phase: 'failed'; error: ApiError };

export function useStats(client: ModerationClient): StatsState {
  const [state, setState] = useState<StatsState>({ phase: 'loading' });
  useEffect(() => {
    void client.stats().then((res) => setState(res.ok ? { phase: 'ready', stats: res.data } : { phase: 'failed', error: res.error }));
  }, [client]);
  return state;
}
