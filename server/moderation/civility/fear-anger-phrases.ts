// Phrases that stoke fear or anger, with hand-set weights (there is no labelled
// corpus for this, so the weights are judgement, checked against the fixtures).
// Roughly: 3 = enough on its own, 1.5 = needs company, below 1 = colour.

import type { PhraseList } from './phrases.ts';

const KIN = 'children|kids|guns|jobs|families|family|homes|daughters|sons|wives|women|country|freedom|rights|money|savings|pensions|churches|town|neighborhood|neighbourhood';

export const FEAR_ANGER_PHRASES: PhraseList = [
  // Catastrophising: an enemy closing in, collapse around the corner.
  ['catastrophizing', 3, [
    `coming for your|our ${KIN}`, `coming after your|our ${KIN}`, "before it's too late", 'before it is too late',
    'no one is safe', 'nobody is safe', 'none of us are safe', 'your family is next', "you're next", 'you are next',
    'stop at nothing', 'blood in the streets', "we're all going to die", 'we are all going to die',
    'replace us', 'replacing us', 'great replacement', 'being invaded', 'taking over our', 'take over our',
    'overrun by', 'overrun with', 'brainwashing our|your children|kids', 'poisoning our|your children|kids|water',
    "they don't want you to know", 'while you still can', 'it will be too late', 'will be too late',
    'destroying our|this country|nation|civilization|civilisation|society|children|families|way',
    'destroy our|this country|nation|civilization|civilisation|society|children|families|way',
    'end of our|this|western country|nation|civilization|civilisation|democracy|republic|society',
    'end of civilization', 'end of civilisation', 'end of the world', 'collapse of society|civilization|civilisation|everything',
    'total collapse', 'complete collapse', 'on the brink of collapse', 'about to collapse', 'will collapse',
    'is collapsing', 'are collapsing', 'imminent collapse', 'doomed', 'point of no return',
    'wake up people', 'wake up sheeple', 'wake up america', 'open your eyes', 'enemy of the people', 'enemies of the people',
    'enemies within', 'the enemy within', 'flooding our|into', 'flood our', 'outbreed', 'out breed',
    'end of democracy', 'end of freedom', 'no more elections', 'slaves in our own', 'strangers in our own',
    'minority in our own', 'cities are burning', 'streets are burning', 'will overrun', 'overrun us',
    'take everything', 'prepare for the worst',
  ]],
  ['catastrophizing', 1.5, [
    'wake up', 'too late', 'mark my words', 'civil war', 'our way of life', 'under attack', 'war on',
    'last chance', 'ticking time bomb', 'time bomb', 'they want to', 'they are coming', "they're coming",
    'coming for you', 'act now', 'hiding the truth', 'lying to you', 'the truth about', 'sheeple', 'apocalypse',
    'catastrophe', 'catastrophic', 'disaster', 'collapse', 'extinction', 'invasion', 'invading', 'invaders', 'traitors', 'traitor',
    'treason', 'treasonous', 'terrifying', 'terrified', 'evil', 'wicked', 'destroy', 'destroying', 'annihilation',
    'every single one of them', 'all of them', 'these people', 'those people', 'war zone', 'prepare now',
    'within weeks', 'within months', 'within days', 'in our own country', 'in our own land', 'in our own homeland',
    'it is over', "it's over", 'rise up', 'time is running out', 'running out of time',
  ]],
  // Calls to hate or punish a group.
  ['call-to-punish', 3.5, [
    'hang them', 'hang them all', 'string them up', 'round them up', 'deport them all', 'deport every', 'wipe them out',
    'kill them all', 'kill them', 'shoot them', 'death to', 'they deserve to die|suffer|rot|burn|hang',
    'should be hanged|hung|shot|executed|exterminated|eliminated|purged|gassed|lynched',
    'should all be hanged|hung|shot|executed|exterminated|eliminated|purged|jailed|deported|locked|punished',
    'must be stopped|punished|crushed|destroyed|eliminated|removed|purged', 'firing squad', 'the gallows',
    'burn them', 'burn it all down', 'burn it down', 'make them pay', 'they must pay', 'they will pay',
    'lock them all up', 'lock them up', 'get rid of them', 'get rid of all', 'drive them out', 'throw them out',
    'send them back', 'crush them', 'destroy them', 'punish them', 'teach them a lesson', 'take up arms',
    'rot in hell', 'rot in jail', 'rot in prison', 'by any means necessary', 'hate them', 'we should hate',
    'i hate all', 'i hate these', 'i hate those', 'i hate every', 'they are the enemy', "they're the enemy",
    'take back our country', 'take our country back', 'purge', 'exterminate', 'eradicate them',
  ]],
  // Anger words: colour, not enough alone.
  ['anger', 1, [
    'furious', 'outraged', 'outrageous', 'rage', 'enraged', 'livid', 'sick of', 'sick and tired', 'fed up',
    'how dare', 'enough is enough', 'blood boil', 'blood boiling', 'disgusting', 'disgraceful', 'despicable',
    'filthy', 'vile', 'i hate', 'hate', 'hatred', 'criminals', 'thugs', 'scumbags', 'monsters', 'lunatics',
    'corrupt', 'shameful', 'never forget', 'never forgive', 'unforgivable', 'betrayed', 'betrayal', 'sickening',
  ]],
  // Sober framing pulls the other way: hedges, evidence, first-person concern.
  ['sober', -0.6, [
    "i'm worried", 'i am worried', 'i worry', "i'm concerned", 'i am concerned', 'concerned', 'i think', 'i suspect',
    'it seems', 'might', 'may', 'could', 'perhaps', 'probably', 'likely', 'evidence', 'data', 'study', 'studies',
    'research', 'according to', 'i disagree', 'in my opinion', 'imo', 'to be fair', 'on the other hand', 'however',
    'percent', 'report', 'survey', 'estimate', 'estimates', 'budget', 'policy', 'proposal', 'council', 'vote',
  ]],
];
