// The queue's keyboard shortcuts: one table drives both the key handling and the help overlay.

export type Command =
  | 'next'
  | 'prev'
  | 'approve'
  | 'reject'
  | 'feature'
  | 'ban'
  | 'member'
  | 'toggle'
  | 'approveSelected'
  | 'undo'
  | 'search'
  | 'help'
  | 'close';

export interface Shortcut {
  /** The key as KeyboardEvent.key reports it. */
  key: string;
  shift?: boolean;
  command: Command;
  /** How the help overlay writes the key. */
  label: string;
  description: string;
}

export const SHORTCUTS: Shortcut[] = [
  { key: 'j', command: 'next', label: 'j', description: 'Next comment' },
  { key: 'k', command: 'prev', label: 'k', description: 'Previous comment' },
  { key: 'a', command: 'approve', label: 'a', description: 'Approve' },
  { key: 'r', command: 'reject', label: 'r', description: 'Reject (asks why)' },
  { key: 'f', command: 'feature', label: 'f', description: 'Feature or unfeature' },
  { key: 'b', command: 'ban', label: 'b', description: 'Ban the author (asks to confirm)' },
  { key: 'm', command: 'member', label: 'm', description: 'Open the author’s drawer: their comments, counts and history' },
  { key: 'x', command: 'toggle', label: 'x', description: 'Select for a bulk action' },
  { key: 'A', shift: true, command: 'approveSelected', label: 'Shift + A', description: 'Approve all selected' },
  { key: 'u', command: 'undo', label: 'u', description: 'Undo your last action in this dashboard' },
  { key: '/', command: 'search', label: '/', description: 'Search the queue (Esc clears the search)' },
  { key: '?', command: 'help', label: '?', description: 'Show or hide this help' },
  { key: 'Escape', command: 'close', label: 'Esc', description: 'Close a menu or this help' },
];

export interface KeyLike {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

export function commandFor(e: KeyLike): Command | null {
  // Browser and system shortcuts (Ctrl+A, Cmd+R…) are never ours.
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  // '?' needs Shift on most layouts, so Shift only matters for letters.
  const isLetter = /^[a-z]$/i.test(e.key);
  const found = SHORTCUTS.find((s) => s.key === e.key && (!isLetter || !!s.shift === !!e.shiftKey));
  return found?.command ?? null;
}

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'datetime-local', 'month', 'time', 'week']);

/** True while the person is typing, when letters must reach the field instead of moderating. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as (HTMLElement & { type?: string }) | null;
  if (!el || typeof el.tagName !== 'string') return false;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return TEXT_INPUTS.has((el.type || 'text').toLowerCase());
  return el.isContentEditable === true || el.getAttribute?.('contenteditable') === 'true';
}
