// Hashed feature rows of many comments in a few flat typed arrays (tens of millions of
// features fit without millions of small objects), built with the classifier's own analysis.

import { type Analysis, analyze, newAnalysis } from '../../server/moderation/civility/analyze.ts';
import { Features } from '../../server/moderation/civility/features.ts';
import { cuesByToken, tokenFeatures } from '../../server/moderation/civility/span-features.ts';

export class Rows {
  count = 0;
  offsets: number[] = [0];
  private used = 0;
  hash = new Int32Array(1 << 20);
  value = new Float32Array(1 << 20);
  kind = new Uint8Array(1 << 20);

  add(f: Features): void {
    const need = this.used + f.length;
    if (need > this.hash.length) this.grow(need);
    this.hash.set(f.hash.subarray(0, f.length), this.used);
    this.value.set(f.value.subarray(0, f.length), this.used);
    this.kind.set(f.kind.subarray(0, f.length), this.used);
    this.used = need;
    this.offsets.push(need);
    this.count++;
  }

  private grow(need: number) {
    let n = this.hash.length;
    while (n < need) n *= 2;
    const h = new Int32Array(n); h.set(this.hash.subarray(0, this.used)); this.hash = h;
    const v = new Float32Array(n); v.set(this.value.subarray(0, this.used)); this.value = v;
    const k = new Uint8Array(n); k.set(this.kind.subarray(0, this.used)); this.kind = k;
  }
}

/** Comment-level rows, one per text. */
export function commentRows(texts: readonly string[]): Rows {
  const rows = new Rows();
  const a = newAnalysis();
  for (const t of texts) rows.add(analyze(t, undefined, a).features);
  return rows;
}

export interface TokenRows {
  rows: Rows;
  /** 1 when the token overlaps an annotated span. */
  labels: number[];
}

/** Word-level rows for the span head: every word of every text, labelled by the gold spans. */
export function tokenRows(items: readonly { text: string; spans: [number, number][] }[]): TokenRows {
  const rows = new Rows();
  const labels: number[] = [];
  const a: Analysis = newAnalysis();
  const f = new Features();
  const covering: number[][] = [];
  for (const item of items) {
    analyze(item.text, undefined, a);
    const { tokens } = a;
    cuesByToken(tokens, a.cues, covering);
    for (let i = 0; i < tokens.length; i++) {
      rows.add(tokenFeatures(tokens, i, a.cues, covering[i], f));
      const s = tokens.start[i];
      const e = tokens.end[i];
      labels.push(item.spans.some(([gs, ge]) => gs < e && s < ge) ? 1 : 0);
    }
  }
  return { rows, labels };
}
