// What every comment needs (state, actions, the clock) without threading props through the tree.
import { createContext } from 'preact';
import type { ApiClient } from '../api/client';
import type { ThreadState } from '../model/state';
import type { ThreadActions } from '../model/use-thread';

export interface WidgetContextValue {
  state: ThreadState;
  actions: ThreadActions;
  now: number;
  /** For requests that change nothing on screen, made by UI loaded on demand (reporting). */
  client: ApiClient;
}

export const WidgetContext = createContext<WidgetContextValue>(null as unknown as WidgetContextValue);
