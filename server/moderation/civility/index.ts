// Offline, explainable civility classifier: calibrated probabilities that a comment attacks a
// member of the conversation, attacks someone else (the author, the publication, public
// figures), or is meant to stoke fear or anger, with the character ranges that drove them.
// Pure and deterministic: no I/O, no clock, no platform APIs, so it runs the same on Node and
// on Workers. The shipped model is built by `npm run civility:build` (see README.md); another
// model (a site's own) is loaded from its JSON with loadModel() and used with classifyWith().

import { type CivilityModel, type SpanCutoffs, classifyWith, loadModel } from './classify.ts';
import type { CivilityModelFile } from './model-file.ts';
import shipped from './model.json';
import type { CivilityContext, CivilityScores } from './types.ts';

export type { CivilityContext, CivilityLabel, CivilityScores, CivilitySpan } from './types.ts';
export type { CivilityModel, SpanCutoffs } from './classify.ts';
export type { CivilityModelFile } from './model-file.ts';
export { classifyWith, loadModel } from './classify.ts';

/** The model built from the shared data, loaded once. */
export const DEFAULT_MODEL: CivilityModel = loadModel(shipped as CivilityModelFile);

/** The shipped model's calibrated threshold for attacks (see README.md for its precision). */
export const DEFAULT_ATTACK_THRESHOLD: number = DEFAULT_MODEL.file.attackThreshold;
/** The shipped model's calibrated threshold for fear and anger. */
export const DEFAULT_FEAR_ANGER_THRESHOLD: number = DEFAULT_MODEL.file.fearAngerThreshold;

/** Scores `text` with `model` (the shipped one unless a site has its own); see classifyWith. */
export function classifyCivility(text: string, context?: CivilityContext, model: CivilityModel = DEFAULT_MODEL, spanCutoffs?: SpanCutoffs): CivilityScores {
  return classifyWith(model, text, context, spanCutoffs);
}
