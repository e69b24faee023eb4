import { describe, expect, it } from 'vitest';
import { DEFAULT_ATTACK_THRESHOLD, classifyCivility } from '../../../../server/moderation/civility/index.ts';
import type { CivilityContext } from '../../../../server/moderation/civility/index.ts';

const attack = (text: string, context?: CivilityContext) => classifyCivility(text, context).attack;

// Each pair: the first attacks a member of the conversation, the second must stay below the default threshold.
function expectSplit(attackText: string, fineText: string, context?: CivilityContext) {
  expect(attack(attackText, context), attackText).toBeGreaterThanOrEqual(DEFAULT_ATTACK_THRESHOLD);
  expect(attack(fineText, context), fineText).toBeLessThan(DEFAULT_ATTACK_THRESHOLD);
}

describe('attack on a member', () => {
  it('flags an insult aimed at "you" but not the same judgement of an idea', () => {
    expectSplit('You are an idiot.', 'That theory is idiotic.');
  });

  it('flags an insult but not a report of someone else using it', () => {
    expectSplit("You're a complete moron.", 'My coworker said I was a moron for missing the bus.');
  });

  it('flags profanity aimed at the reader but not profanity aimed at nothing', () => {
    expectSplit('Shut up, you pathetic loser.', 'This fucking weather ruined my weekend.');
  });

  it('treats a named @participant, or a participant named in the context, as a member', () => {
    expectSplit('@Sam is a clueless idiot.', 'Sam made a fair point about the budget, I think.');
    expect(attack('Nobody cares what a moron like Ben thinks.', { participants: ['Ben Okafor'] })).toBeGreaterThanOrEqual(DEFAULT_ATTACK_THRESHOLD);
  });

  it('scores "people like you" well above "people like me"', () => {
    expect(attack('People like you are the reason this forum is a dump.')).toBeGreaterThan(attack('People like me often miss the deadline.') + 0.5);
  });

  it('flags mocking a member’s intelligence but not sharp criticism of the publication or an argument', () => {
    expectSplit("You clearly can't read. Stick to crayons.", 'This article is lazy and the editors should be ashamed of publishing it.');
    expectSplit("You clearly can't read. Stick to crayons.", 'Your argument is wrong: the numbers do not add up.');
    expectSplit("You clearly can't read. Stick to crayons.", 'The article clearly misread the data.');
  });

  it('reads a negated insult as lower than the insult itself, and below the threshold', () => {
    const negated = attack("I'm not calling you stupid, but the data says otherwise.");
    expect(negated).toBeLessThan(DEFAULT_ATTACK_THRESHOLD);
    expect(negated).toBeLessThan(attack('You are stupid, and the data says otherwise.'));
  });

  it('scores an aimed insult higher than the same insult about the speaker or a quote', () => {
    const aimed = attack('you are such an idiot');
    expect(attack("i'm such an idiot")).toBeLessThan(aimed);
    expect(attack('he said i was such an idiot')).toBeLessThan(aimed);
  });
});

describe('whom an attack targets', () => {
  it('puts an insult of a public figure on attackOther and one of the reader on attack', () => {
    const mayor = classifyCivility('The mayor is a corrupt idiot.');
    expect(mayor.attackOther).toBeGreaterThan(mayor.attack);
    const reader = classifyCivility('You are a corrupt idiot.');
    expect(reader.attack).toBeGreaterThan(reader.attackOther);
  });

  it('moves an insult towards a member when its target is named as a participant', () => {
    const memberShare = (text: string, context?: CivilityContext) => {
      const s = classifyCivility(text, context);
      return s.attack / (s.attack + s.attackOther);
    };
    for (const text of ['Nobody cares what a moron like Ben thinks.', 'Ben is a moron.']) {
      expect(memberShare(text, { participants: ['Ben'] }), text).toBeGreaterThan(memberShare(text));
    }
    expect(attack('Ben is a moron.', { participants: ['Ben'] })).toBeGreaterThan(attack('Ben is a moron.'));
  });
});
