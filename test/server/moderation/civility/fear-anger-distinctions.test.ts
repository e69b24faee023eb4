import { describe, expect, it } from 'vitest';
import { DEFAULT_FEAR_ANGER_THRESHOLD, classifyCivility } from '../../../../server/moderation/civility/index.ts';

const fear = (text: string) => classifyCivility(text).fearAnger;

function expectSplit(fearText: string, fineText: string) {
  expect(fear(fearText), fearText).toBeGreaterThanOrEqual(DEFAULT_FEAR_ANGER_THRESHOLD);
  expect(fear(fineText), fineText).toBeLessThan(DEFAULT_FEAR_ANGER_THRESHOLD);
}

describe('fear/anger score', () => {
  it('flags a threat made without the stock phrases but not a neutral report', () => {
    expectSplit(
      'They are watching you and they will come for you next. Wake up!',
      'The inspectors are visiting the street next week to check the meters.',
    );
  });

  it('flags catastrophising but not sober concern', () => {
    expectSplit(
      'They are coming for your children and nobody will stop them.',
      "I'm worried the new policy will raise rents for families.",
    );
  });

  it('reads pest words about pests as pests', () => {
    expect(fear('We had rats in the shed and an ant infestation in the kitchen.')).toBeLessThan(DEFAULT_FEAR_ANGER_THRESHOLD);
  });

  it('flags calls to punish a group but not calls for due process', () => {
    expectSplit(
      'Hang them all, every traitor in that office.',
      'The officials who broke the law should face a fair trial.',
    );
  });

  it('does not read a plain insult as fear-mongering', () => {
    expect(fear('You are an idiot.')).toBeLessThan(DEFAULT_FEAR_ANGER_THRESHOLD);
  });
});
