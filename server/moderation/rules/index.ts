// The moderation rules, and which of them each kind of write runs, in order: validity (refuse),
// early approve for staff, content checks, then pre-moderation. The first rule with a verdict
// or a refusal wins. Validity comes first for every kind, so a refusal never depends on content.
import { runPipeline } from '../pipeline';
import type { CommentDraft, ModerationContext, ModerationOutcome, Rule, WriteKind } from '../types';
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
import { signedIn } from './signed-in';
import { staffApprove } from './staff-approve';
import { suspectWords } from './suspect-words';
import { threadClosed } from './thread-closed';
import { tierSection } from './tier-section';
import { userPremoderation } from './user-premoderation';
import { userStatus } from './user-status';

/** Who may take part in this thread at all: what the composer, likes and the call to action follow. */
const TAKE_PART: readonly Rule[] = [signedIn, userStatus, threadClosed, tierSection];

const JUDGE_TEXT: readonly Rule[] = [
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
];

export const RULES_BY_KIND: Readonly<Record<WriteKind, readonly Rule[]>> = Object.freeze({
  create: Object.freeze([...TAKE_PART, bodyLength, flooding, ...JUDGE_TEXT]),
  edit: Object.freeze([...TAKE_PART, bodyLength, ...JUDGE_TEXT]),
  like: Object.freeze([...TAKE_PART]),
  unlike: Object.freeze([...TAKE_PART]),
  view: Object.freeze([...TAKE_PART]),
  // Reporting abuse is open to every member in good standing, whatever the tier or the thread.
  report: Object.freeze([signedIn, userStatus]),
  // Members may always take back their own words, banned or not.
  delete_own: Object.freeze([signedIn]),
  // A banned or suspended staff member has no staff powers while it lasts.
  moderate: Object.freeze([userStatus]),
});

/** Every rule, in pipeline order: for listings such as the dashboard's rule filter. */
export const moderationRules: readonly Rule[] = RULES_BY_KIND.create;

export function moderate(draft: CommentDraft, ctx: ModerationContext): ModerationOutcome {
  return runPipeline(RULES_BY_KIND[draft.kind], draft, ctx);
}
