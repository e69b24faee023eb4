// The ordered moderation rules: validity → early approve → content checks → pre-moderation.
import { runPipeline } from '../pipeline';
import type { CommentDraft, ModerationContext, ModerationOutcome, Rule } from '../types';

export const moderationRules: readonly Rule[] = [];

export function moderate(draft: CommentDraft, ctx: ModerationContext): ModerationOutcome {
  return runPipeline(moderationRules, draft, ctx);
}
