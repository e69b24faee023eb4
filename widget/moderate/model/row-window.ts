// Which rows of a long list to draw: those within the visible part of the page and a margin
// either side. Rows not drawn are stood in for by the list's padding, from their measured heights
// (or, never drawn yet, the average of those measured), so the scrollbar stays true.

/** Lists up to this long are drawn whole: windowing would only cost there. */
export const WINDOW_FROM = 60;
/** Pixels drawn beyond each edge of the visible part: j and k land on rows already drawn. */
export const OVERSCAN_PX = 900;
/** A row's height before any row was measured. */
const FIRST_GUESS_PX = 180;

export interface RowWindow {
  /** The first row drawn, and one past the last. */
  start: number;
  end: number;
  /** Heights the rows before and after stand for. */
  before: number;
  after: number;
}

/** Each row's height: measured, else the average of those measured. */
export function rowHeights(ids: string[], measured: Map<string, number>): number[] {
  let sum = 0;
  for (const h of measured.values()) sum += h;
  const guess = measured.size ? sum / measured.size : FIRST_GUESS_PX;
  return ids.map((id) => measured.get(id) ?? guess);
}

/**
 * The rows that meet the band from `top` to `bottom` (px from the list's top) widened by the
 * overscan. A list short enough is drawn whole.
 */
export function rowWindow(heights: number[], top: number, bottom: number, overscan = OVERSCAN_PX): RowWindow {
  const n = heights.length;
  if (n <= WINDOW_FROM) return { start: 0, end: n, before: 0, after: 0 };
  const from = top - overscan;
  const to = bottom + overscan;
  let y = 0;
  let start = 0;
  while (start < n - 1 && y + heights[start] <= from) y += heights[start++];
  const before = y;
  let end = start;
  while (end < n && y < to) y += heights[end++];
  let after = 0;
  for (let i = end; i < n; i++) after += heights[i];
  return { start, end: Math.max(end, start + 1), before, after };
}

/** Where a row starts, in px from the list's top. */
export function rowTop(heights: number[], index: number): number {
  let top = 0;
  for (let i = 0; i < index; i++) top += heights[i];
  return top;
}
