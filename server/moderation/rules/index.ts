// The moderation rules in the order they run: validity (refuse or reject outright), early
// approve for staff, content checks, then pre-moderation. The first rule with a verdict wins.
import { runPipeline } from '../pipeline';
import type { CommentDraft, ModerationContext, ModerationOutcome, Rule } from '../types';
import { bannedWords } from './banned-words';
import { bodyLength } from './body-length';
import { civility } from './civility';
import { externalScorer } from './external-scorer';
import { flooding } from './flooding';
import { links } from './links';
import { newMember } from './new-member';
import { premoderation } from './premoderation';
import { repeatPost } from './repeat-post';
import { shouting } from './shouting';
import { staffApprove } from './staff-approve';
import { suspectWords } from './suspect-words';
import { threadClosed } from './thread-closed';
import { userPremoderation } from './user-premoderation';
import { userStatus } from './user-status';

export const moderationRules: readonly Rule[] = Object.freeze([
  bodyLength,
  threadClosed,
  userStatus,
  flooding,
  staffApprove,
  bannedWords,
  repeatPost,
  links,
  suspectWords,
  shouting,
  civility,
  externalScorer,
  premoderation,
  userPremoderation,
  newMember,
]);

export function moderate(draft: CommentDraft, ctx: ModerationContext): ModerationOutcome {
  return runPipeline(moderationRules, draft, ctx);
}
