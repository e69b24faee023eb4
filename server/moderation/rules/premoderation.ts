// Pre-moderation: the site, or this thread, reviews every comment before it is published.
// Not a finding about the comment, so never shown to the author as a nudge.
import type { Rule } from '../types';

export const premoderation: Rule = {
  id: 'premoderation',
  check(_draft, ctx) {
    const scope = ctx.settings.premoderation === 'all' ? 'site' : ctx.thread.premoderate ? 'thread' : undefined;
    if (!scope) return undefined;
    return { status: 'pending', reasons: [{ ruleId: 'premoderation', message: `Held: pre-moderation is on for this ${scope}`, spans: [] }] };
  },
};
