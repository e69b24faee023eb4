// A site's moderators' standing decisions as labelled comments: rejected as a personal attack or
// as stoking fear or anger, or approved after being held. The newest fifth is kept apart to judge
// a candidate model on the site's recent decisions; the rest joins the shared training data.
import type { ModeratorDecision } from '../../server/store/moderation-port';
import type { Row } from './build-model';
import { splitOf, type Labelled } from './corpus';

export const SITE_SOURCE = 'site-decisions';

/** null for decisions that say nothing about civility (rejected as spam, off topic…). */
export function labelOf(d: ModeratorDecision): Labelled['label'] | null {
  if (d.decision === 'approve') return 'ok';
  if (d.reason === 'personal_attack') return 'attack';
  if (d.reason === 'fear_anger') return 'fear';
  return null;
}

export interface SiteData {
  /** Older decisions, split into train and validation like the shared data. */
  training: Row[];
  /** The newest decisions, never trained on. */
  recent: Labelled[];
}

const RECENT_SHARE = 0.2;

/** `decisions` newest first, as the store lists them. */
export function siteData(decisions: readonly ModeratorDecision[]): SiteData {
  const labelled = decisions.flatMap((d) => {
    const label = labelOf(d);
    return label ? [{ text: d.body, label, source: SITE_SOURCE }] : [];
  });
  const recentCount = Math.round(labelled.length * RECENT_SHARE);
  const recent = labelled.slice(0, recentCount);
  // Older decisions keep the shared data's hash split, with its held-out share trained on too.
  const training = labelled.slice(recentCount).map((r) => ({ ...r, split: splitOf(r.text) === 'validation' ? ('validation' as const) : ('train' as const) }));
  return { training, recent };
}
