// Validity: a membership tier comments only in the sections the site's policy grants it ("*" for
// everywhere); tiers the policy does not name only read. Staff comment everywhere.
import { isStaff } from '../../../shared/schemas/common';
import type { Rule } from '../types';
import { own } from '../../../shared/own';

export const tierSection: Rule = {
  id: 'tier-section',
  check(_draft, ctx) {
    if (isStaff(ctx.author.role)) return undefined;
    const sections = own(ctx.tiers, ctx.author.tier) ?? [];
    if (sections.includes('*') || sections.includes(ctx.thread.section)) return undefined;
    const tier = ctx.author.tier || 'current';
    return { refusal: { code: 'tier_not_allowed_here', message: `The ${tier} tier may not take part in section ${ctx.thread.section}` } };
  },
};
