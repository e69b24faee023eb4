import { describe, expect, it } from 'vitest';
import { reportWeight, smoothedAccuracy } from '../../../server/moderation/report-weight';

describe('a report’s weight toward hiding a comment', () => {
  it('counts a reporter without decided reports as one report', () => {
    expect(smoothedAccuracy({ upheld: 0, decided: 0 })).toBe(0.5);
    expect(reportWeight({ upheld: 0, decided: 0 })).toBe(100);
  });

  it('moves toward the reporter’s upheld share as decisions accumulate, never past 0.5 or 1.5', () => {
    expect(reportWeight({ upheld: 1, decided: 1 })).toBe(117);
    expect(reportWeight({ upheld: 10, decided: 10 })).toBe(142);
    expect(reportWeight({ upheld: 0, decided: 1 })).toBe(83);
    expect(reportWeight({ upheld: 0, decided: 10 })).toBe(58);
    expect(reportWeight({ upheld: 5, decided: 10 })).toBe(100);
    expect(reportWeight({ upheld: 1000, decided: 1000 })).toBeLessThanOrEqual(150);
    expect(reportWeight({ upheld: 0, decided: 1000 })).toBeGreaterThanOrEqual(50);
  });
});
