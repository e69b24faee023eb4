// What every comment needs (state, actions, the clock, the site's words), handed down as one `ctx` prop. A prop,
// not a Preact context: the whole tree re-renders with the widget anyway, and createContext
// with useContext would cost the reader's first load about 200 B gzipped.
import type { Translate } from '../../shared/strings';
import type { ApiClient } from '../api/client';
import type { ThreadState } from '../model/state';
import type { ThreadActions } from '../model/use-thread';
import type { MemberSlot } from './member-slot';

export interface WidgetContext {
  state: ThreadState;
  actions: ThreadActions;
  now: number;
  /** For requests that change nothing on screen, made by UI loaded on demand (reporting). */
  client: ApiClient;
  /** The widget's strings in the site's wording (see shared/strings.ts). */
  t: Translate;
  /** A signed-in reader's composer and comment actions, fetched apart from app.js (see member-slot.ts). */
  member: MemberSlot;
}
