// The rules page's "try a comment" box: the verdict and reasons a draft would get, with the
// saved or the unsaved settings, for a typical member. Nothing is stored.
import type { TryCommentResponse } from '../../../shared/schemas/moderation-api';
import type { ModerationSettingsSave } from '../../../shared/schemas/moderation-settings';
import { withKeptSecret } from './settings';
import type { SiteRecord } from '../../store/port';
import type { ServiceDeps } from '../deps';
import { classifyCivility } from '../../moderation/civility';
import { moderate } from '../../moderation/rules';
import { activeCivilityModel } from './civility-model';

export async function tryComment(
  deps: ServiceDeps,
  site: SiteRecord,
  input: { body: string; settings?: ModerationSettingsSave; asNewMember: boolean },
): Promise<TryCommentResponse> {
  const civilityModel = await activeCivilityModel(deps, site);
  const outcome = moderate(
    { kind: 'create', body: input.body, parentId: null },
    {
      now: deps.now(),
      // A draft of the rules leaves the scorer's secret out: the site's own stands in.
      settings: input.settings ? withKeptSecret(input.settings, site.settings.moderation) : site.settings.moderation,
      thread: { id: 'try', closed: false, premoderate: false, section: '' },
      tiers: { member: ['*'] },
      author: {
        signedIn: true,
        role: 'member',
        tier: 'member',
        approvedCount: input.asNewMember ? 0 : 10,
        rejectedCount: 0,
        alwaysPremoderate: false,
        banned: false,
        suspendedUntil: null,
        recent: [],
      },
      sameIpRecentCount: 0,
      nudgeAcknowledged: false,
      external: { status: 'off' },
      civilityModel,
    },
  );
  const { attack, attackOther, fearAnger } = classifyCivility(input.body, undefined, civilityModel);
  const verdict = outcome.kind === 'decided' ? outcome.status : outcome.kind;
  return { verdict, reasons: outcome.reasons, civility: { attack, attackOther, fearAnger } };
}
