// Content: the built-in civility classifier. A comment that reads as a personal attack on a
// member of the conversation, or as meant to stoke fear or anger, is nudged, held or rejected as
// the site chooses; attacks on others (the author, the publication, public figures) only when the
// site asks for that too. Each reason quotes the words that drove it, in the guidelines' terms.
import { classifyCivility } from '../civility/index';
import type { CivilityLabel, CivilityScores } from '../civility/index';
import type { Reason, Rule, RuleResult } from '../types';

const SENTENCES: Record<CivilityLabel, string> = {
  attack: 'This reads as a personal attack on another member',
  attackOther: 'This reads as a personal attack on someone rather than an argument',
  fearAnger: 'This reads as meant to stoke fear or anger',
};

/** Quotes longer than this are shortened: the reason is a sentence, the spans carry the rest. */
const MAX_QUOTE = 80;

export const civility: Rule = {
  id: 'civility',
  check(draft, ctx) {
    const { enabled, attackThreshold, attackOther, fearAngerThreshold, action } = ctx.settings.rules.civility;
    if (!enabled) return undefined;
    const otherThreshold = attackOther.enabled ? attackOther.threshold : Infinity;
    const scores = classifyCivility(draft.body, { participants: draft.participants }, ctx.civilityModel, {
      attack: Math.min(attackThreshold, otherThreshold),
      fearAnger: fearAngerThreshold,
    });
    const reasons: Reason[] = [];
    if (scores.attack >= attackThreshold) reasons.push(reasonFor('attack', scores.attack, scores, draft.body));
    else if (scores.attackOther >= otherThreshold) reasons.push(reasonFor('attackOther', scores.attackOther, scores, draft.body));
    if (scores.fearAnger >= fearAngerThreshold) reasons.push(reasonFor('fearAnger', scores.fearAnger, scores, draft.body));
    if (reasons.length === 0) return undefined;
    const byAction: Record<typeof action, RuleResult> = {
      nudge: { status: 'pending', nudge: 'always', reasons },
      hold: { status: 'pending', nudge: 'site', reasons },
      reject: { status: 'rejected', reasons },
    };
    return byAction[action];
  },
};

function reasonFor(label: CivilityLabel, score: number, scores: CivilityScores, body: string): Reason {
  // Attack spans carry the label of the likelier target (one label each, never the same range
  // twice); the reason names the one that crossed.
  const fear = label === 'fearAnger';
  const spans = scores.spans.filter((s) => (s.label === 'fearAnger') === fear).map((s) => ({ start: s.start, end: s.end, label }));
  const quote = spans.map((s) => body.slice(s.start, s.end)).join(' … ');
  const shown = quote.length > MAX_QUOTE ? quote.slice(0, MAX_QUOTE - 1).trimEnd() + '…' : quote;
  const message = shown ? `${SENTENCES[label]}: ‘${shown}’` : SENTENCES[label];
  return { ruleId: 'civility', message, spans, score };
}
