// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { commandFor, isTypingTarget, SHORTCUTS } from '../../../../widget/moderate/model/keys';

describe('commandFor', () => {
  it('maps the single letters to queue commands', () => {
    const cases = { j: 'next', k: 'prev', a: 'approve', r: 'reject', f: 'feature', b: 'ban', x: 'toggle', u: 'undo' };
    for (const [key, command] of Object.entries(cases)) expect(commandFor({ key }), key).toBe(command);
  });

  it('reads Shift+A as approve all selected, and plain a as approve one', () => {
    expect(commandFor({ key: 'A', shiftKey: true })).toBe('approveSelected');
    expect(commandFor({ key: 'a' })).toBe('approve');
  });

  it('does not treat a shifted letter as the plain shortcut', () => {
    expect(commandFor({ key: 'J', shiftKey: true })).toBeNull();
    expect(commandFor({ key: 'R', shiftKey: true })).toBeNull();
  });

  it('opens help with ? whether or not the layout needs Shift for it, and closes with Escape', () => {
    expect(commandFor({ key: '?', shiftKey: true })).toBe('help');
    expect(commandFor({ key: '?' })).toBe('help');
    expect(commandFor({ key: 'Escape' })).toBe('close');
  });

  it('goes to the search box with /', () => {
    expect(commandFor({ key: '/' })).toBe('search');
    expect(commandFor({ key: '/', ctrlKey: true })).toBeNull();
  });

  it('leaves browser shortcuts alone', () => {
    expect(commandFor({ key: 'a', ctrlKey: true })).toBeNull();
    expect(commandFor({ key: 'r', metaKey: true })).toBeNull();
    expect(commandFor({ key: 'u', altKey: true })).toBeNull();
  });

  it('ignores keys that are not shortcuts', () => {
    expect(commandFor({ key: 'q' })).toBeNull();
    expect(commandFor({ key: 'Enter' })).toBeNull();
  });

  it('lists every command once in the help table', () => {
    const commands = SHORTCUTS.map((s) => s.command);
    expect(new Set(commands).size).toBe(commands.length);
  });
});

describe('isTypingTarget', () => {
  it('is true in text fields, text areas, selects and editable content', () => {
    const text = document.createElement('input');
    const search = Object.assign(document.createElement('input'), { type: 'search' });
    const editable = document.createElement('div');
    editable.setAttribute('contenteditable', 'true');
    for (const el of [text, search, document.createElement('textarea'), document.createElement('select'), editable]) {
      expect(isTypingTarget(el), el.outerHTML).toBe(true);
    }
  });

  it('is false on checkboxes, buttons, plain elements and nothing', () => {
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
    for (const el of [checkbox, document.createElement('button'), document.createElement('li'), null]) {
      expect(isTypingTarget(el)).toBe(false);
    }
  });
});
