import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEAR_ANGER_THRESHOLD, classifyCivility } from '../../../../server/moderation/civility/index.ts';
import { type Example, splitHeldOut } from '../../../../scripts/civility/data.ts';
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

describe('held-out split', () => {
  const rows: Example[] = Array.from({ length: 400 }, (_, i) => ({
    text: `comment ${i}`,
    label: i % 4 === 0 ? 'attack' : 'ok',
    source: `${i % 2 ? 'a' : 'b'}/item${i}`,
  }));

  it('is deterministic and holds out about a quarter of every source and label', () => {
    const one = splitHeldOut(rows);
    const two = splitHeldOut([...rows].reverse());
    expect(new Set(one.heldout.map((r) => r.source))).toEqual(new Set(two.heldout.map((r) => r.source)));
    expect(one.train.length + one.heldout.length).toBe(rows.length);
    for (const prefix of ['a', 'b']) {
      for (const label of ['attack', 'ok']) {
        const stratum = rows.filter((r) => r.source!.startsWith(prefix + '/') && r.label === label);
        const held = one.heldout.filter((r) => r.source!.startsWith(prefix + '/') && r.label === label);
        expect(held.length).toBe(Math.round(stratum.length * 0.25));
      }
    }
  });
});
