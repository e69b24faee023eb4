// Phrases that attack the person on the other side of the conversation without
// needing an insult word: doubts about their intelligence, sanity or motives,
// dismissals, and profanity pointed at "you". Each category becomes one feature
// whose weight is learned; the weight column here is unused for attacks.

import type { PhraseList } from './phrases.ts';

export const ATTACK_PHRASES: PhraseList = [
  ['directed-profanity', 1, [
    'fuck you', 'fuck off', 'fuck your', 'fuck u', 'screw you', 'screw your', 'shut up', 'shut the fuck up',
    'shut your', 'go to hell', 'kiss my ass', 'suck my', 'eat shit', 'piss off', 'bite me', 'blow me', 'stfu',
    'gtfo', 'get lost', 'go fuck yourself', 'fuck yourself', 'shove it', 'up your ass', 'sod off', 'bugger off',
    'go away', 'get fucked', 'die in a fire',
  ]],
  ['threat', 1, [
    'kill yourself', 'kys', 'i hope you die', 'hope you die', 'you should die', 'you deserve to die',
    'hope you get', 'should be shot', 'i will find you', 'watch your back', 'shoot yourself', 'hang yourself',
  ]],
  ['intellect', 1, [
    "you ?clearly ?obviously didn't read", "you ?clearly ?obviously did not read", 'did you ?even read',
    'can you ?even read', "can't you read", 'learn to read', 'reading comprehension', 'learn how to read',
    'are you ?even capable', 'are you ?even able', 'do you ?even understand', 'do you ?even know',
    "you ?clearly ?obviously ?just don't understand", "you ?clearly ?obviously ?just don't get",
    "you ?clearly ?obviously have no idea", 'you have no clue', "you don't know what you're talking",
    "you ?clearly ?obviously don't know", 'you know nothing', 'you clearly', 'you obviously',
    '{youre} clearly', '{youre} obviously', 'go back to school', 'educate yourself', 'use your brain',
    'your ?tiny ?little brain', 'your ?tiny ?little mind', 'your brain', 'think for yourself',
    'critical thinking', '{youre} not ?very smart', '{youre} not ?very bright', 'are you stupid',
    'are you dumb', 'are you retarded', 'are you an idiot', 'are you serious', 'are you fucking',
    'are you kidding', 'low iq', 'your iq', 'too stupid', 'too dumb', 'how stupid', 'how dumb',
    'keep up', 'try harder', 'try again', 'nice try', 'not very bright', 'room temperature iq',
    'you sound like', 'you must be', 'you seem to', 'do your research', 'do some research',
    'you failed to', 'you fail to', 'you missed the point', 'missing the point', 'you lost me',
    "{youre} ?just ?really ?so ignorant",
  ]],
  ['group-you', 1, ['you people', 'people like you', 'your kind', 'you lot', 'your ilk', 'you guys are', 'folks like you']],
  ['mockery', 1, ['typical', 'lol', 'lmao', 'rofl', 'haha', 'hahaha', 'cry more', 'cope', 'seethe', 'ok boomer']],
  ['sanity', 1, [
    'are you high', 'are you drunk', 'what are you smoking', "what're you smoking", 'put down the',
    'crack pipe', 'get help', 'seek help', 'you need help', 'you need therapy', 'take your meds',
    'off your meds', 'your meds', '{youre} delusional', '{youre} insane', '{youre} crazy', '{youre} mental',
    '{youre} paranoid', 'tin foil', 'tinfoil', 'get a life', 'grow up', 'touch grass', 'go outside',
    'in your head', 'your mom', 'your mother', 'your momma', 'your mama',
  ]],
  ['motive', 1, [
    "{youre} ?just trolling", '{youre} ?just ?a troll', 'you troll', 'nice troll', 'troll harder',
    "{youre} ?just ?being ?deliberately ?willfully obtuse", 'deliberately obtuse', 'willfully ignorant',
    'wilfully ignorant', 'bad faith', "{youre} paid", 'paid shill', 'paid to', 'your agenda', 'your masters',
    "{youre} lying", 'you lie', 'you liar', '{youre} a liar', 'stop lying', 'your lies', "{youre} pathetic",
    '{youre} disgusting', 'shame on you', 'you should be ashamed', 'you hate', '{youre} the problem',
    '{youre} part of the problem', 'virtue signaling', 'virtue signalling', 'your echo chamber',
    'echo chamber', 'your privilege', 'check your privilege', '{youre} projecting', 'your bias', '{youre} biased',
    'your hypocrisy', 'you hypocrite', 'straw man', 'strawman', 'you just want', 'you only care',
  ]],
];
