// Reading labelled comment files and the deterministic held-out split.

import { readFileSync } from 'node:fs';

export interface Example { text: string; label: string; source?: string }

export function readJsonl(path: string): Example[] {
  const out: Example[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const row = JSON.parse(line) as Partial<Example>;
    if (typeof row.text !== 'string' || typeof row.label !== 'string') {
      throw new Error(`${path}:${i + 1}: expected {"text", "label"}`);
    }
    out.push({ text: row.text, label: row.label, source: row.source });
  });
  return out;
}

/** FNV-1a, 32-bit: a stable hash that does not depend on the platform. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export const HELDOUT_FRACTION = 0.25;

/**
 * Held-out split: within each (source prefix, label) stratum, order examples by
 * a hash of their source id and hold out the first quarter. Same file, same split.
 */
export function splitHeldOut(rows: readonly Example[]): { train: Example[]; heldout: Example[] } {
  const strata = new Map<string, Example[]>();
  for (const r of rows) {
    const key = `${(r.source ?? '').split('/')[0]}\u0000${r.label}`;
    const list = strata.get(key) ?? [];
    list.push(r);
    strata.set(key, list);
  }
  const held = new Set<Example>();
  for (const list of strata.values()) {
    const sorted = [...list].sort((a, b) => fnv1a(a.source ?? a.text) - fnv1a(b.source ?? b.text) || cmp(a.source ?? a.text, b.source ?? b.text));
    const k = Math.round(sorted.length * HELDOUT_FRACTION);
    for (let i = 0; i < k; i++) held.add(sorted[i]);
  }
  return { train: rows.filter((r) => !held.has(r)), heldout: rows.filter((r) => held.has(r)) };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
