// The one way a write is judged. Every write use case (post, edit, delete own, like, unlike,
// report) hands its facts to this helper, which asks the site's scorer where the write has text,
// runs that kind's rules once and turns a refusal into the error the author sees.
import type { SiteRecord, ThreadRecord, UserRecord } from '../../store/port';
import type { ModerationContext, ModerationOutcome, WriteKind } from '../../moderation/types';
import type { ServiceDeps } from '../deps';
import type { MemberClaims } from '../identity/claims';
import { moderate } from '../../moderation/rules';
import { gatherFacts, hasText } from '../moderation/gather-facts';
import { scoreExternally } from '../moderation/external-scorer';
import { activeCivilityModel } from '../moderation/civility-model';
import { refusalError } from '../moderation/outcome';

export interface WriteToJudge {
  kind: WriteKind;
  site: SiteRecord;
  thread: ThreadRecord | null;
  claims: MemberClaims | null;
  user: UserRecord | null;
  body?: string;
  parentId?: string | null;
  ipHash?: string | null;
  nudgeAcknowledged?: boolean;
}

export type Judged = { ctx: ModerationContext; outcome: Exclude<ModerationOutcome, { kind: 'refused' }> };

/** Judges the write, throwing the refusal when the rules refuse it. */
export async function judgeWrite(deps: ServiceDeps, write: WriteToJudge): Promise<Judged> {
  const { ctx, outcome } = await judge(deps, write);
  if (outcome.kind === 'refused') throw refusalError(outcome.refusal);
  return { ctx, outcome };
}

/** Judges the write and returns any refusal as a value (the thread view shows it as a call to action). */
export async function judge(deps: ServiceDeps, write: WriteToJudge): Promise<{ ctx: ModerationContext; outcome: ModerationOutcome }> {
  const body = write.body ?? '';
  const scored = hasText(write.kind) && write.user !== null && write.thread !== null;
  // The site's model and the thread's commenters are read for the civility rule alone.
  const civility = hasText(write.kind) && write.site.settings.moderation.rules.civility.enabled;
  const [ctx, external, civilityModel, participants] = await Promise.all([
    gatherFacts(deps, { ...write }),
    scored
      ? scoreExternally(deps, write.site.settings.moderation.externalScorer, {
          siteId: write.site.id,
          threadId: write.thread!.id,
          authorId: write.user!.id,
          text: body,
        })
      : Promise.resolve({ status: 'off' as const }),
    civility ? activeCivilityModel(deps, write.site) : undefined,
    // Whoever else takes part (the replied-to author first): an insult naming one is aimed at a member.
    civility && scored ? deps.store.recentCommenters(write.thread!.id, write.user!.id, write.parentId ?? null) : undefined,
  ]);
  const judgedCtx = { ...ctx, external, civilityModel };
  return { ctx: judgedCtx, outcome: moderate({ kind: write.kind, body, parentId: write.parentId ?? null, participants }, judgedCtx) };
}
