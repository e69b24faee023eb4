// Splits a comment's Markdown source into plain and highlighted runs from its reasons' spans,
// so the queue can show what a rule matched without ever parsing the text as HTML.
import type { Reason } from '../../../shared/schemas/moderation-settings';

export interface Segment {
  text: string;
  /** Offset of the run in the body (UTF-16 code units, as the spans count them). */
  start: number;
  /** Messages of the rules whose spans cover this run; empty for plain text. */
  notes: string[];
}

interface Range {
  start: number;
  end: number;
  notes: string[];
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Clamp a span into the body and widen it so it never cuts a surrogate pair in half; null if empty. */
function clampSpan(body: string, start: number, end: number): { start: number; end: number } | null {
  if (!Number.isFinite(start) || !Number.isFinite(end)) return null;
  let s = Math.max(0, Math.min(body.length, Math.floor(start)));
  let e = Math.max(0, Math.min(body.length, Math.ceil(end)));
  if (s > 0 && isLow(body.charCodeAt(s)) && isHigh(body.charCodeAt(s - 1))) s--;
  if (e > 0 && e < body.length && isHigh(body.charCodeAt(e - 1)) && isLow(body.charCodeAt(e))) e++;
  return e > s ? { start: s, end: e } : null;
}

/** Overlapping or touching spans merge into one run that carries every message once. */
export function mergeSpans(body: string, reasons: Reason[]): Range[] {
  const ranges: Range[] = [];
  for (const reason of reasons) {
    for (const span of reason.spans) {
      const r = clampSpan(body, span.start, span.end);
      if (r) ranges.push({ ...r, notes: [reason.message] });
    }
  }
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) {
      last.end = Math.max(last.end, r.end);
      for (const n of r.notes) if (!last.notes.includes(n)) last.notes.push(n);
    } else merged.push({ ...r, notes: [...r.notes] });
  }
  return merged;
}

export function segmentBody(body: string, reasons: Reason[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const r of mergeSpans(body, reasons)) {
    if (r.start > at) segments.push({ text: body.slice(at, r.start), start: at, notes: [] });
    segments.push({ text: body.slice(r.start, r.end), start: r.start, notes: r.notes });
    at = r.end;
  }
  if (at < body.length || segments.length === 0) segments.push({ text: body.slice(at), start: at, notes: [] });
  return segments;
}
