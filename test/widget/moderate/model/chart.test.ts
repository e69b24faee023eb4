// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fillDays, heldShare, niceMax, sortedHits } from '../../../../widget/moderate/model/chart';

const NOW = Date.UTC(2026, 0, 15, 12);

describe('fillDays', () => {
  it('gives exactly 30 consecutive days ending today, zero-filling the days the server left out', () => {
    const days = fillDays([{ day: '2026-01-14', total: 5, commenters: 3, held: 2, rejected: 1 }], NOW);
    expect(days).toHaveLength(30);
    expect(days[0].day).toBe('2025-12-17');
    expect(days[29].day).toBe('2026-01-15');
    expect(days[28]).toEqual({ day: '2026-01-14', total: 5, commenters: 3, held: 2, rejected: 1 });
    expect(days[29]).toEqual({ day: '2026-01-15', total: 0, commenters: 0, held: 0, rejected: 0 });
  });

  it('ends on the server’s latest day when its clock is ahead of the browser’s', () => {
    expect(fillDays([{ day: '2026-01-16', total: 1, commenters: 1, held: 0, rejected: 0 }], NOW).at(-1)?.day).toBe('2026-01-16');
  });
});

describe('chart helpers', () => {
  it('computes the held share, with no value for days without comments', () => {
    expect(heldShare({ day: 'd', total: 4, commenters: 2, held: 1, rejected: 0 })).toBe(0.25);
    expect(heldShare({ day: 'd', total: 0, commenters: 0, held: 0, rejected: 0 })).toBeNull();
  });

  it('rounds axis maxima up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 12, 99, 101].map(niceMax)).toEqual([1, 1, 5, 10, 20, 100, 200]);
  });

  it('sorts rule hits most first and leaves out rules without hits', () => {
    expect(sortedHits({ links: 2, civility: 9, shouting: 0, 'banned-words': 2 })).toEqual([
      ['civility', 9],
      ['banned-words', 2],
      ['links', 2],
    ]);
  });
});
