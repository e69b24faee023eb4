import { describe, expect, it } from 'vitest';
import { DEFAULT_FEAR_ANGER_THRESHOLD, classifyCivility } from '../../../../server/moderation/civility/index.ts';

const fear = (text: string) => classifyCivility(text).fearAnger;

function expectSplit(fearText: string, fineText: string) {
  expect(fear(fearText), fearText).toBeGreaterThanOrEqual(DEFAULT_FEAR_ANGER_THRESHOLD);
  expect(fear(fineText), fineText).toBeLessThan(DEFAULT_FEAR_ANGER_THRESHOLD);
}

describe('fear/anger score', () => {
  it('flags catastrophising but not sober concern', () => {
    expectSplit(
      'They are coming for your children and nobody will stop them.',
      "I'm worried the new policy will raise rents for families.",
    );
    expectSplit(
      "Wake up before it's too late, the collapse is already here.",
      'The report says the economy could slow next year.',
    );
  });

  it('flags dehumanising a group but not criticising a policy about it', () => {
    expectSplit(
      'Those immigrants are vermin infesting our cities.',
      'The immigration bill has serious flaws and should be rewritten.',
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

  it('flags all-caps rage but not a single emphasised word', () => {
    expectSplit('WHY DOES NOBODY CARE?? THEY ARE RUINING EVERYTHING!!!', 'This is NOT the right way to fund schools.');
  });
});
