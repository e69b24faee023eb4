// What every comment needs (state, actions, the clock) without threading props through the tree.
import { createContext } from 'preact';
import type { ThreadState } from '../model/state';
import type { ThreadActions } from '../model/use-thread';

export interface WidgetContextValue {
  state: ThreadState;
  actions: ThreadActions;
  now: number;
}

export const WidgetContext = createContext<WidgetContextValue>(null as unknown as WidgetContextValue);
