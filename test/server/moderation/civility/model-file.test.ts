import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL, classifyCivility, classifyWith, loadModel } from '../../../../server/moderation/civility/index.ts';
import { decodeInt8, encodeInt8 } from '../../../../server/moderation/civility/model-file.ts';
import { CIVILITY_DEFAULT_THRESHOLDS, ModerationSettings } from '../../../../shared/schemas/moderation-settings.ts';
import { splitOf } from '../../../../scripts/civility/corpus.ts';

describe('the civility model file', () => {
  it('round-trips int8 weights through base64', () => {
    const values = Int8Array.from([0, 1, -1, 127, -127, 64, -128, 5, 9, 33]);
    for (let n = 0; n <= values.length; n++) {
      const part = values.slice(0, n);
      expect(Array.from(decodeInt8(encodeInt8(part), n))).toEqual(Array.from(part));
    }
  });

  it('loads from its JSON text, as from a database row, and scores exactly like the shipped model', () => {
    const copy = loadModel(JSON.stringify(DEFAULT_MODEL.file));
    for (const text of ['You are an idiot.', 'Thanks for the link, @Ana.', 'They are coming for your children.']) {
      expect(classifyWith(copy, text)).toEqual(classifyCivility(text));
    }
  });

  it('refuses a file of another format', () => {
    expect(() => loadModel(JSON.stringify({ ...DEFAULT_MODEL.file, format: 'parley-civility/1' }))).toThrow(/format/);
  });

  it('ships the thresholds the rule uses by default', () => {
    expect(DEFAULT_MODEL.file.attackThreshold).toBe(CIVILITY_DEFAULT_THRESHOLDS.attack);
    expect(DEFAULT_MODEL.file.fearAngerThreshold).toBe(CIVILITY_DEFAULT_THRESHOLDS.fearAnger);
    const civility = ModerationSettings.parse({}).rules.civility;
    expect(civility.attackThreshold).toBe(DEFAULT_MODEL.file.attackThreshold);
    expect(civility.attackOther.threshold).toBe(DEFAULT_MODEL.file.attackThreshold);
    expect(civility.fearAngerThreshold).toBe(DEFAULT_MODEL.file.fearAngerThreshold);
  });

  it('still parses settings saved before attacks on others could be set apart', () => {
    const civility = ModerationSettings.parse({ rules: { civility: { attackThreshold: 0.5, fearAngerThreshold: 0.6, action: 'hold' } } }).rules.civility;
    expect(civility).toMatchObject({ attackThreshold: 0.5, fearAngerThreshold: 0.6, attackOther: { enabled: false } });
  });
});

describe('the data split', () => {
  it('depends on the text alone and keeps about 70/15/15', () => {
    const texts = Array.from({ length: 6000 }, (_, i) => `comment number ${i}`);
    expect(texts.map(splitOf)).toEqual(texts.map(splitOf));
    const share = (s: string) => texts.filter((t) => splitOf(t) === s).length / texts.length;
    expect(share('train')).toBeCloseTo(0.7, 1);
    expect(share('validation')).toBeCloseTo(0.15, 1);
    expect(share('heldout')).toBeCloseTo(0.15, 1);
  });
});
