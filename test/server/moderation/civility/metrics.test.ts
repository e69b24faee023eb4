import { describe, expect, it } from 'vitest';
import { confusion, metrics, rocAuc, sourcePrefix } from '../../../../scripts/civility/metrics.ts';

describe('evaluation metrics', () => {
  it('computes AUC 1 for perfect ranking and 0 for reversed ranking', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [false, false, true, true])).toBe(0);
  });

  it('counts tied scores as half a win in AUC', () => {
    expect(rocAuc([0.5, 0.5], [true, false])).toBe(0.5);
    // pos {0.4, 0.7}, neg {0.4, 0.1}: pairs (0.4,0.4)=.5 (0.4,0.1)=1 (0.7,0.4)=1 (0.7,0.1)=1 -> 3.5/4
    expect(rocAuc([0.4, 0.7, 0.4, 0.1], [true, true, false, false])).toBe(0.875);
  });

  it('returns null AUC when only one class is present', () => {
    expect(rocAuc([0.1, 0.9], [true, true])).toBeNull();
  });

  it('counts scores at the threshold as flagged', () => {
    expect(confusion([0.5, 0.49, 0.5, 0.2], [true, true, false, false], 0.5)).toEqual({ tp: 1, fn: 1, fp: 1, tn: 1 });
  });

  it('derives precision, recall and false-positive rate, null when undefined', () => {
    const m = metrics([0.9, 0.8, 0.3, 0.7, 0.1], [true, true, true, false, false], 0.5);
    expect(m).toMatchObject({ n: 5, precision: 2 / 3, recall: 2 / 3, fpr: 1 / 2 });
    expect(metrics([0.1], [true], 0.5).precision).toBeNull();
    expect(metrics([0.1], [true], 0.5).fpr).toBeNull();
  });

  it('groups sources by the part before the first slash', () => {
    expect(sourcePrefix('kaggle-x/train#row1')).toBe('kaggle-x');
    expect(sourcePrefix('plain')).toBe('plain');
    expect(sourcePrefix(undefined)).toBe('(none)');
  });
});
