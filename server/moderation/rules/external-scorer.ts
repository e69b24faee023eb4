// Content: scores from the site's own scoring service, fetched by the service before the rules
// run. A score at or above the scorer's own threshold holds the comment; so does a failed call,
// if the site asked for that.
import type { Reason, Rule } from '../types';

export const externalScorer: Rule = {
  id: 'external-scorer',
  check(draft, ctx) {
    const external = ctx.external;
    if (external.status === 'failed') {
      // The built-in civility rule runs whatever the scorer did, so 'fallback' needs nothing
      // here; a site that chose 'hold' reviews what its scorer could not see.
      if (ctx.settings.externalScorer.onFailure !== 'hold') return undefined;
      const message = `Held: the site’s scorer did not answer (${external.error})`;
      return { status: 'pending', reasons: [{ ruleId: 'external-scorer', message, spans: [] }] };
    }
    if (external.status !== 'ok') return undefined;
    const { threshold } = ctx.settings.externalScorer;
    const crossed: Reason[] = [];
    const check = (score: number | undefined, threshold: number, message: string) => {
      if (score !== undefined && Number.isFinite(score) && score >= threshold) crossed.push({ ruleId: 'external-scorer', message, spans: [], score });
    };
    check(external.attack, threshold, 'The site’s scorer reads this as aimed at a person');
    check(external.fearAnger, threshold, 'The site’s scorer reads this as meant to stoke fear or anger');
    check(external.spam, threshold, 'The site’s scorer reads this as spam');
    if (crossed.length === 0) return undefined;
    return { status: 'pending', nudge: 'site', reasons: [...crossed, ...(external.reasons ?? []).map((r) => withinBody(r, draft.body.length))] };
  },
};

/** The scorer is outside our control: keep only spans that fit the body. */
function withinBody(reason: Reason, length: number): Reason {
  return { ...reason, spans: reason.spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= length) };
}
