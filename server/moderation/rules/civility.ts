// Content: the built-in civility classifier. A comment that reads as an attack on a person, or
// as meant to stoke fear or anger, is nudged, held or rejected as the site chooses.
import { classifyCivility } from '../civility/index';
import type { CivilityLabel, CivilityScores } from '../civility/index';
import type { Reason, Rule, RuleResult } from '../types';

const MESSAGES: Record<CivilityLabel, string> = {
  attack: 'Reads as aimed at a person rather than their argument',
  fearAnger: 'Reads as meant to stoke fear or anger',
};

export const civility: Rule = {
  id: 'civility',
  check(draft, ctx) {
    const { enabled, attackThreshold, fearAngerThreshold, action } = ctx.settings.rules.civility;
    if (!enabled) return undefined;
    const scores = classifyCivility(draft.body);
    const reasons: Reason[] = [];
    if (scores.attack >= attackThreshold) reasons.push(reasonFor('attack', scores.attack, scores));
    if (scores.fearAnger >= fearAngerThreshold) reasons.push(reasonFor('fearAnger', scores.fearAnger, scores));
    if (reasons.length === 0) return undefined;
    const byAction: Record<typeof action, RuleResult> = {
      nudge: { status: 'pending', nudge: 'always', reasons },
      hold: { status: 'pending', nudge: 'site', reasons },
      reject: { status: 'rejected', reasons },
    };
    return byAction[action];
  },
};

function reasonFor(label: CivilityLabel, score: number, scores: CivilityScores): Reason {
  const seen = new Set<string>();
  const spans = scores.spans
    .filter((s) => s.label === label)
    .filter((s) => !seen.has(`${s.start}:${s.end}`) && seen.add(`${s.start}:${s.end}`))
    .map((s) => ({ start: s.start, end: s.end, label }));
  return { ruleId: 'civility', message: MESSAGES[label], spans, score };
}
