// Reading labelled comment files, and the stable hash the data split is made with (corpus.ts).

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
