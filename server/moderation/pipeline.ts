// Folds the ordered rules over a draft: the first result with a status (or a refusal) ends
// the run; reasons accumulate from every rule that ran. A hold that may be shown to the author
// becomes a nudge unless they already chose to post anyway.
import type { CommentDraft, ModerationContext, ModerationOutcome, Reason, Rule } from './types';

export function runPipeline(rules: readonly Rule[], draft: CommentDraft, ctx: ModerationContext): ModerationOutcome {
  const reasons: Reason[] = [];
  for (const rule of rules) {
    const result = rule.check(draft, ctx);
    if (!result) continue;
    if (result.reasons) reasons.push(...result.reasons);
    if (result.refusal) return { kind: 'refused', refusal: result.refusal, reasons };
    if (!result.status) continue;
    const nudgeable = result.nudge === 'always' || (result.nudge === 'site' && ctx.settings.nudge);
    if (result.status === 'pending' && nudgeable && !ctx.nudgeAcknowledged) return { kind: 'nudge', reasons };
    return { kind: 'decided', status: result.status, reasons };
  }
  return { kind: 'decided', status: 'published', reasons };
}
