// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Reason } from '../../../../shared/schemas/moderation-settings';
import { segmentBody } from '../../../../widget/moderate/model/spans';

const reason = (message: string, ...spans: [number, number][]): Reason => ({
  ruleId: 'suspect-words',
  message,
  spans: spans.map(([start, end]) => ({ start, end })),
});

const marked = (body: string, reasons: Reason[]) =>
  segmentBody(body, reasons)
    .filter((s) => s.notes.length)
    .map((s) => [s.text, s.notes]);

describe('segmentBody', () => {
  it('returns the whole body as one plain run when nothing matched', () => {
    expect(segmentBody('Fine words', [])).toEqual([{ text: 'Fine words', start: 0, notes: [] }]);
  });

  it('marks each span with its rule message and keeps the text between them', () => {
    const segments = segmentBody('You idiot, what a fool', [reason('Suspect word', [4, 9], [18, 22])]);
    expect(segments.map((s) => s.text)).toEqual(['You ', 'idiot', ', what a ', 'fool']);
    expect(segments.map((s) => s.notes.length)).toEqual([0, 1, 0, 1]);
    expect(segments.map((s) => s.text).join('')).toBe('You idiot, what a fool');
  });

  it('merges overlapping spans from different rules into one mark carrying both messages once', () => {
    const body = 'you are a total moron';
    const result = marked(body, [reason('Attack', [0, 15]), reason('Suspect word', [10, 21]), reason('Attack', [4, 7])]);
    expect(result).toEqual([[body, ['Attack', 'Suspect word']]]);
  });

  it('merges spans that touch end to start', () => {
    expect(marked('abcdef', [reason('A', [0, 3]), reason('B', [3, 6])])).toEqual([['abcdef', ['A', 'B']]]);
  });

  it('clamps spans running past either end and drops empty, reversed or non-finite ones', () => {
    const body = 'short';
    const result = segmentBody(body, [reason('Past the end', [3, 99]), reason('Before the start', [-5, 1]), reason('Empty', [2, 2], [4, 1], [Number.NaN, 3])]);
    expect(result.map((s) => [s.text, s.notes])).toEqual([
      ['s', ['Before the start']],
      ['ho', []],
      ['rt', ['Past the end']],
    ]);
  });

  it('ignores spans wholly outside the body', () => {
    expect(segmentBody('abc', [reason('Gone', [10, 20])])).toEqual([{ text: 'abc', start: 0, notes: [] }]);
  });

  it('counts offsets in UTF-16 units like the server, so text after emoji lines up', () => {
    const body = '😀 you idiot';
    const start = body.indexOf('idiot');
    expect(marked(body, [reason('Suspect word', [start, start + 5])])).toEqual([['idiot', ['Suspect word']]]);
  });

  it('never splits a surrogate pair: a span cutting an emoji in half widens to include all of it', () => {
    const body = 'a😀b';
    // 😀 is two code units at 1..3; spans starting or ending inside it take the whole emoji.
    expect(marked(body, [reason('Start inside', [2, 4])])).toEqual([['😀b', ['Start inside']]]);
    expect(marked(body, [reason('End inside', [0, 2])])).toEqual([['a😀', ['End inside']]]);
  });

  it('keeps combining marks and non-Latin text intact around marks', () => {
    const body = 'Ça va, 你好 idiot';
    const start = body.indexOf('idiot');
    const segments = segmentBody(body, [reason('Suspect word', [start, start + 5])]);
    expect(segments.map((s) => s.text).join('')).toBe(body);
    expect(segments[0].text).toBe('Ça va, 你好 ');
  });
});
