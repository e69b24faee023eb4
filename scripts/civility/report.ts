// The evaluation tables: each figure of the model with the baseline's beside it.

import { type Metrics, metrics } from './metrics.ts';

export interface Scored {
  family: string;
  positive: boolean;
  v2: number;
  base: number;
}

export interface Pair { v2: Metrics; base: Metrics; n: number; positives: number }

export function pair(rows: readonly Scored[], t2: number, tb: number): Pair {
  const pos = rows.map((r) => r.positive);
  return {
    v2: metrics(rows.map((r) => r.v2), pos, t2),
    base: metrics(rows.map((r) => r.base), pos, tb),
    n: rows.length,
    positives: pos.filter(Boolean).length,
  };
}

const f = (x: number | null) => (x === null ? '   - ' : x.toFixed(3));
const both = (a: number | null, b: number | null) => `${f(a)} / ${f(b)}`.padEnd(15);

export function table(title: string, groups: readonly [string, Pair][], columns: readonly (keyof Metrics)[]): string {
  const head = `${'source'.padEnd(22)}${'n'.padStart(6)}${'pos'.padStart(6)}  ${columns.map((c) => `${c} v2 / base`.padEnd(15)).join(' ')}`;
  const lines = groups.map(([name, p]) =>
    `${name.padEnd(22)}${String(p.n).padStart(6)}${String(p.positives).padStart(6)}  ${columns.map((c) => both(p.v2[c] as number | null, p.base[c] as number | null)).join(' ')}`);
  return [title, head, ...lines].join('\n');
}

/** Groups rows by family, with an "overall" group first. */
export function byFamily(rows: readonly Scored[], t2: number, tb: number, order?: readonly string[]): [string, Pair][] {
  const families = order ?? [...new Set(rows.map((r) => r.family))].sort();
  const out: [string, Pair][] = [['overall', pair(rows, t2, tb)]];
  for (const fam of families) {
    const sub = rows.filter((r) => r.family === fam);
    if (sub.length > 0) out.push([fam, pair(sub, t2, tb)]);
  }
  return out;
}
