import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEAR_ANGER_THRESHOLD, classifyCivility } from '../../../../server/moderation/civility/index.ts';
import type { Example } from '../../../../scripts/civility/data.ts';
import { metrics } from '../../../../scripts/civility/metrics.ts';

const load = (name: string): Example[] =>
  readFileSync(new URL(`../../../fixtures/civility/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Example);

describe('fear/anger fixtures', () => {
  for (const [name, min] of [['fear-anger.jsonl', 120], ['fear-anger-heldout.jsonl', 100]] as const) {
    it(`${name} has at least ${min} lines, half fear and half ok, no duplicates`, () => {
      const rows = load(name);
      expect(rows.length).toBeGreaterThanOrEqual(min);
      expect(rows.filter((r) => r.label === 'fear').length).toBe(rows.length / 2);
      expect(rows.filter((r) => r.label === 'ok').length).toBe(rows.length / 2);
      expect(new Set(rows.map((r) => r.text)).size).toBe(rows.length);
    });
  }

  it('the two fixture files share no comment', () => {
    const dev = new Set(load('fear-anger.jsonl').map((r) => r.text));
    expect(load('fear-anger-heldout.jsonl').some((r) => dev.has(r.text))).toBe(false);
  });

  it('keeps precision at or above 0.9 on the held-out fixture', () => {
    const rows = load('fear-anger-heldout.jsonl');
    const m = metrics(rows.map((r) => classifyCivility(r.text).fearAnger), rows.map((r) => r.label === 'fear'), DEFAULT_FEAR_ANGER_THRESHOLD);
    expect(m.precision).toBeGreaterThanOrEqual(0.9);
  });
});
