// What `u` undoes: the actions taken in this dashboard, newest last, one entry per key press or
// click (a bulk approve is one entry of many actions; an operation by filter, one entry of one). Each dashboard creates its own stack, so
// two dashboards on a page, or a reload, never undo each other's work; the server undoes by
// action id, so an entry can only ever undo the very actions it names.
import type { ActionSummary } from '../../../shared/schemas/moderation-api';
import type { Result } from '../../api/result';
import { moderatorMessage } from './messages';

export interface UndoEntry {
  /** What the announcement names: the action's summary, or "Approved 3 comments" for a bulk action. */
  label: string;
  actions: ActionSummary[];
}

export interface UndoOutcome {
  /** The original actions that are now undone. */
  undone: ActionSummary[];
  /** The sentence to announce. */
  message: string;
  tone: 'ok' | 'error';
}

export interface UndoStack {
  /** Remembers one key press or click worth of actions. */
  record(actions: ActionSummary[], label?: string): void;
  /** Undoes the newest entry; nothing older and nothing else. */
  undoLast(): Promise<UndoOutcome>;
  /** Undoes exactly these actions (an item's own Undo), and forgets them from the stack. */
  undoActions(actions: ActionSummary[]): Promise<UndoOutcome>;
  size(): number;
}

/** Undoes one action; given the whole summary, so an operation by filter can be undone by its own route. */
export type UndoCall = (actionId: string, action: ActionSummary) => Promise<Result<unknown>>;

/** Refusals that will never turn into success: the entry is forgotten rather than retried. */
const FINAL = new Set(['undo_superseded', 'already_undone', 'not_undoable', 'not_found']);

export function createUndoStack(undo: UndoCall): UndoStack {
  let entries: UndoEntry[] = [];

  function forget(ids: Set<string>) {
    entries = entries.map((e) => ({ ...e, actions: e.actions.filter((a) => !ids.has(a.id)) })).filter((e) => e.actions.length > 0);
  }

  async function run(label: string, actions: ActionSummary[]): Promise<UndoOutcome> {
    // One at a time, oldest first, so a bulk undo reads in the order it was done.
    const undone: ActionSummary[] = [];
    const settled = new Set<string>();
    let refusal: string | null = null;
    for (const a of actions) {
      const res = await undo(a.id, a);
      if (res.ok) {
        undone.push(a);
        settled.add(a.id);
      } else {
        refusal ??= res.error.code;
        if (FINAL.has(res.error.code)) settled.add(a.id);
      }
    }
    forget(settled);
    if (refusal === null) return { undone, message: `Undid: ${label}`, tone: 'ok' };
    const why = moderatorMessage(refusal);
    const message = undone.length ? `Undid ${undone.length} of ${actions.length}: ${label}. ${why}` : why;
    return { undone, message, tone: 'error' };
  }

  return {
    record(actions, label) {
      if (actions.length) entries.push({ label: label ?? actions[0].summary, actions });
    },
    undoLast() {
      const last = entries[entries.length - 1];
      if (!last) return Promise.resolve({ undone: [], message: 'Nothing to undo in this session.', tone: 'ok' });
      return run(last.label, last.actions);
    },
    undoActions(actions) {
      return run(actions.length === 1 ? actions[0].summary : `${actions.length} actions`, actions);
    },
    size: () => entries.length,
  };
}
