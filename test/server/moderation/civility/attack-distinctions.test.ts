import { describe, expect, it } from 'vitest';
import { DEFAULT_ATTACK_THRESHOLD, classifyCivility } from '../../../../server/moderation/civility/index.ts';

const attack = (text: string) => classifyCivility(text).attack;

// Each pair: the first attacks a person, the second must stay below the default threshold.
function expectSplit(attackText: string, fineText: string) {
  expect(attack(attackText), attackText).toBeGreaterThanOrEqual(DEFAULT_ATTACK_THRESHOLD);
  expect(attack(fineText), fineText).toBeLessThan(DEFAULT_ATTACK_THRESHOLD);
}

describe('attack score', () => {
  it('flags an insult aimed at "you" but not the same judgement of an idea', () => {
    expectSplit('You are an idiot.', 'That theory is idiotic.');
    expectSplit("Your stupid brain can't handle facts.", 'Your argument is stupid.');
  });

  it('flags an insult but not a report of someone else using it', () => {
    expectSplit("You're a complete moron.", 'My coworker said I was a moron for missing the bus.');
  });

  it('flags calling the reader an idiot but not calling yourself one', () => {
    expectSplit("You're a total idiot for posting that.", "I'm an idiot for missing that typo.");
  });

  it('flags profanity aimed at the reader but not profanity aimed at nothing', () => {
    expectSplit('Shut up, you pathetic loser.', 'This fucking weather ruined my weekend.');
  });

  it('treats a named @participant as a target', () => {
    expectSplit('@Sam is a clueless idiot.', 'Sam made a fair point about the budget, I think.');
  });

  it('flags "people like you" but not "people like me"', () => {
    expectSplit('People like you are the reason this forum is a dump.', 'People like me often miss the deadline.');
  });

  it('flags insinuations about intelligence and motives but not criticism of a text', () => {
    expectSplit('Are you even capable of reading a chart?', 'Is the chart even readable on a phone?');
    expectSplit("You're just trolling at this point.", 'The proposal is just a mess at this point.');
    expectSplit("You clearly didn't read the article before commenting.", 'The article clearly misread the data.');
  });

  it('scores an aimed insult higher than the same insult about the speaker or a quote', () => {
    const aimed = attack('you are such an idiot');
    expect(attack("i'm such an idiot")).toBeLessThan(aimed);
    expect(attack('he said i was such an idiot')).toBeLessThan(aimed);
  });
});
