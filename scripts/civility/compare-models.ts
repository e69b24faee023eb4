// Judging a candidate model beside the active one: on the shared held-out split (attack AUC,
// civil and critical comments flagged) and on the site's recent decisions (what it would have
// held that the moderators rejected, and what it would have held that they approved).
import { classifyWith, type CivilityModel } from '../../server/moderation/civility/index';
import { ATTACK_FAMILIES } from './build-model';
import { family, isCivilCritical, type Labelled } from './corpus';
import { confusion, rocAuc } from './metrics';

export interface ModelFigures {
  sharedAttackAuc: number | null;
  sharedCivilFpr: number | null;
  /** Recent site decisions: share of rejected attacks and fear appeals it holds. */
  siteRecall: number | null;
  /** Recent site decisions: share of approved comments it holds. */
  siteFalseHolds: number | null;
  siteDecisions: number;
}

export interface Thresholds {
  attack: number;
  fearAnger: number;
}

const share = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 1000 : null);

export function figuresOf(model: CivilityModel, heldout: readonly Labelled[], recent: readonly Labelled[], t: Thresholds): ModelFigures {
  const attackRows = heldout.filter((r) => ATTACK_FAMILIES.has(family(r.source)) && r.label !== 'fear');
  const scores = attackRows.map((r) => {
    const s = classifyWith(model, r.text);
    return s.attack + s.attackOther;
  });
  const auc = rocAuc(scores, attackRows.map((r) => r.label === 'attack'));
  const civil = attackRows.map((r, i) => [r, scores[i]] as const).filter(([r]) => isCivilCritical(r));
  const flaggedCivil = civil.filter(([, s]) => s >= t.attack).length;
  const held = recent.map((r) => {
    const s = classifyWith(model, r.text);
    return s.attack >= t.attack || s.fearAnger >= t.fearAnger ? 1 : 0;
  });
  const c = confusion(held, recent.map((r) => r.label !== 'ok'), 1);
  return {
    sharedAttackAuc: auc === null ? null : Math.round(auc * 1000) / 1000,
    sharedCivilFpr: share(flaggedCivil, civil.length),
    siteRecall: share(c.tp, c.tp + c.fn),
    siteFalseHolds: share(c.fp, c.fp + c.tn),
    siteDecisions: recent.length,
  };
}

/** How much worse a candidate may be on a shared figure and still count as no worse (noise of a retrain). */
export const TOLERANCE = 0.005;

/** Why a candidate is worse than the active model; empty when it is no worse on every figure. */
export function worseOn(candidate: ModelFigures, active: ModelFigures): string[] {
  const worse: string[] = [];
  const lower = (a: number | null, b: number | null, tolerance = 0) => a !== null && b !== null && a < b - tolerance;
  if (lower(candidate.sharedAttackAuc, active.sharedAttackAuc, TOLERANCE)) worse.push(`shared attack AUC ${candidate.sharedAttackAuc} < ${active.sharedAttackAuc}`);
  if (lower(active.sharedCivilFpr, candidate.sharedCivilFpr, TOLERANCE)) worse.push(`civil comments flagged ${candidate.sharedCivilFpr} > ${active.sharedCivilFpr}`);
  if (lower(candidate.siteRecall, active.siteRecall)) worse.push(`recent rejections caught ${candidate.siteRecall} < ${active.siteRecall}`);
  if (lower(active.siteFalseHolds, candidate.siteFalseHolds)) worse.push(`recent approvals held ${candidate.siteFalseHolds} > ${active.siteFalseHolds}`);
  return worse;
}
