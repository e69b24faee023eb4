import { describe, expect, it } from 'vitest';
import { ModerationSettingsShown } from '../../../../shared/schemas/moderation-settings';
import { boundsOf, fieldErrors, fieldPath, RULE_SECTIONS, setIn } from '../../../../widget/moderate/model/rule-form';

const defaults = ModerationSettingsShown.parse({});
const numberFields = RULE_SECTIONS.flatMap((section) =>
  section.fields.filter((f) => f.kind === 'int' || f.kind === 'share').map((field) => ({ section, field, path: fieldPath(section, field) })),
);
const withValue = (path: string, value: unknown) => setIn(defaults, path.split('.'), value);
const errorAt = (path: string, value: unknown) => fieldErrors(withValue(path, value)).byField[path];

describe('the rules form’s fields', () => {
  it.each(numberFields.map((f) => [f.path, f] as const))('%s takes the schema’s own bounds', (path, { section, field }) => {
    const { min, max } = boundsOf(section, field);
    // A threshold of 0 is within its field's bounds but refused when saved (every comment would count).
    const lowest = field.kind === 'share' ? 0.01 : min;
    expect(errorAt(path, lowest)).toBeUndefined();
    expect(errorAt(path, max)).toBeUndefined();
    expect(errorAt(path, min - 1)).toBe(`must be at least ${min}`);
    expect(errorAt(path, max + 1)).toBe(`must be at most ${max}`);
  });

  it('calls a cleared number required and text that is not a number what it is', () => {
    expect(errorAt('rules.links.maxLinks', null)).toBe('is required');
    expect(errorAt('rules.links.maxLinks', Number.NaN)).toBe('must be a number');
    expect(errorAt('rules.links.maxLinks', 2.5)).toBe('must be a whole number');
  });

  it('tells a conflict between fields together with a field past its own limit', () => {
    const draft = setIn(withValue('rules.bodyLength.min', 100), ['rules', 'bodyLength', 'max'], 50);
    expect(fieldErrors(setIn(draft, ['rules', 'links', 'maxLinks'], 99)).byField).toEqual({
      'rules.bodyLength.min': 'must be at most the longest length, 50',
      'rules.links.maxLinks': 'must be at most 50',
    });
  });

  it('puts the server’s field errors on the form’s fields, and the others apart', () => {
    const errors = fieldErrors(defaults, { 'settings.rules.links.maxLinks': 'is too many today', 'settings.nudge': 'is not for today' });
    expect(errors.byField).toEqual({ 'rules.links.maxLinks': 'is too many today' });
    expect(errors.other).toEqual(['nudge: is not for today']);
    expect(errors.valid).toBe(true);
  });

  it('refuses a scorer URL as the server’s outbound policy does, in its words', () => {
    const urlError = (url: string, allowPrivateNetwork = false) =>
      fieldErrors(setIn(setIn(defaults, ['externalScorer', 'url'], url), ['externalScorer', 'allowPrivateNetwork'], allowPrivateNetwork)).byField['externalScorer.url'];
    expect(urlError('http://scorer.example/score')).toBe('must be an https URL');
    expect(urlError('https://127.0.0.1/score')).toBe('must be a public address');
    expect(urlError('https://169.254.169.254/latest')).toBe('must be a public address');
    expect(urlError('https://scorer.internal/score')).toBe('must be a public address');
    expect(urlError('https://user:pw@scorer.example/score')).toBe('must not carry a user name or password');
    expect(urlError('not a url')).toBe('is not a URL');
    expect(urlError('https://scorer.example/score')).toBeUndefined();
    expect(urlError('')).toBeUndefined();
    // A scorer on the publisher's own network, where the runtime allows it (the server says when it does not).
    expect(urlError('http://10.0.0.5:8080/score', true)).toBeUndefined();
  });
});
