import { describe, expect, it } from 'vitest';
import { externalScorer } from '../../../../server/moderation/rules/external-scorer';
import type { ExternalScores } from '../../../../server/moderation/types';
import { draft, moderationContext } from '../../../support/moderation-context';

const scored = (external: ExternalScores) => moderationContext({ external });

describe('external-scorer', () => {
  it('holds a comment whose attack score crosses the scorer’s threshold, nudging when allowed', () => {
    const result = externalScorer.check(draft('text'), scored({ status: 'ok', attack: 0.8, fearAnger: 0.1, spam: 0.1 }));
    expect(result?.status).toBe('pending');
    expect(result?.nudge).toBe('site');
    expect(result?.reasons).toEqual([{ ruleId: 'external-scorer', message: 'The site’s scorer reads this as aimed at a person', spans: [], score: 0.8 }]);
  });

  it('gives a reason per score that crossed, including spam at 0.5', () => {
    const result = externalScorer.check(draft('text'), scored({ status: 'ok', attack: 0.2, fearAnger: 0.5, spam: 0.5 }));
    expect(result?.reasons?.map((r) => r.score)).toEqual([0.5, 0.5]);
    expect(result?.reasons?.map((r) => r.message)).toEqual([
      'The site’s scorer reads this as meant to stoke fear or anger',
      'The site’s scorer reads this as spam',
    ]);
  });

  it('uses the scorer’s own threshold, not the built-in classifier’s calibrated ones', () => {
    const own = moderationContext({ settings: { externalScorer: { threshold: 0.9 } }, external: { status: 'ok', attack: 0.8, spam: 0.85 } });
    expect(externalScorer.check(draft('text'), own)).toBeUndefined();
    const civilityStricter = moderationContext({ settings: { rules: { civility: { attackThreshold: 0.95 } } }, external: { status: 'ok', attack: 0.6 } });
    expect(externalScorer.check(draft('text'), civilityStricter)?.status).toBe('pending');
  });

  it('adds the scorer’s own reasons, keeping only spans that fit the body', () => {
    const own = { ruleId: 'acme-scorer', message: 'Mentions a competitor', spans: [{ start: 0, end: 4 }, { start: 2, end: 99 }] };
    const result = externalScorer.check(draft('text'), scored({ status: 'ok', spam: 0.9, reasons: [own] }));
    expect(result?.reasons?.[1]).toEqual({ ...own, spans: [{ start: 0, end: 4 }] });
  });

  it('lets a comment with low scores through', () => {
    expect(externalScorer.check(draft('text'), scored({ status: 'ok', attack: 0.1, fearAnger: 0.1, spam: 0.1 }))).toBeUndefined();
  });

  it('leaves a comment to the built-in checks when the scorer failed and the site falls back', () => {
    expect(externalScorer.check(draft('text'), scored({ status: 'failed', error: 'no answer within 800 ms' }))).toBeUndefined();
  });

  it('holds a comment, without a nudge, when the scorer failed and the site chose hold', () => {
    const ctx = moderationContext({
      settings: { externalScorer: { onFailure: 'hold' } },
      external: { status: 'failed', error: 'no answer within 800 ms' },
    });
    expect(externalScorer.check(draft('text'), ctx)).toEqual({
      status: 'pending',
      reasons: [{ ruleId: 'external-scorer', message: 'Held: the site’s scorer did not answer (no answer within 800 ms)', spans: [] }],
    });
  });

  it('has no verdict when the site has no scorer', () => {
    expect(externalScorer.check(draft('text'), scored({ status: 'off' }))).toBeUndefined();
  });
});
