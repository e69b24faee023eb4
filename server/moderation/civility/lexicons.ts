// Hand-built word lists. They name *what* a word is (an insult, a pronoun, a
// dehumanising term); whether it counts against a comment is decided by the
// target detection and, for attacks, by the learned weights.

const words = (s: string): string[] => s.trim().split(/\s+/);

/** Nouns used to call a person something. Plurals are folded to these in lookup. */
export const INSULT_NOUNS = new Set(words(`
  idiot moron imbecile retard cretin dumbass dipshit dimwit nitwit halfwit numbskull buffoon clown fool
  loser jerk asshole arsehole douche douchebag dick dickhead prick cunt twat bitch bastard motherfucker
  scumbag slimeball sleazebag pig swine troll shill sheep sheeple liar hypocrite coward bigot wanker tosser
  creep freak weirdo psycho lunatic nutjob nutcase maniac degenerate lowlife turd muppet simpleton ignoramus
  dunce dolt oaf windbag blowhard whore slut pussy snowflake cuck libtard retardo dumbfuck fuckwit fuckhead
  shithead shitbag dickwad jackass twit donkey crybaby hack stooge puppet bot
`));

/** Adjectives that describe a person's mind, character or worth. */
export const INSULT_ADJECTIVES = new Set(words(`
  stupid dumb idiotic moronic retarded ignorant brainless clueless mindless dense gullible pathetic worthless
  useless disgusting despicable contemptible vile pitiful delusional deranged insane crazy unhinged senile
  illiterate uneducated incompetent dishonest spineless gutless childish immature ugly fat lazy arrogant smug
  hateful brainwashed obtuse butthurt sheltered myopic narcissistic pompous condescending braindead dimwitted
  ridiculous ludicrous absurd laughable pitiable weak-minded simple-minded small-minded closed-minded
  hypocritical cowardly sociopathic psychotic paranoid mental nuts bonkers evil sick twisted creepy
`));

/** Slurs: contempt for who someone is. Listed so they can be detected, never shown. */
export const SLURS = new Set(words(`
  fag faggot dyke tranny nigger nigga spic chink kike wetback beaner gook raghead towelhead retard
`));

/** Profanity. On its own it is not an attack ("this fucking weather"). */
export const PROFANITY = new Set(words(`
  fuck fucking fucked fucker fucks shit shitty bullshit damn goddamn crap crappy hell piss pissed ass
  bloody bollocks wtf stfu gtfo
`));

/** Things an argument is made of: a bad word next to these criticises an idea, not a person. */
export const IDEA_NOUNS = new Set(words(`
  argument arguments idea ideas point points logic claim claims post posts comment comments view views
  position reasoning premise premises theory theories opinion opinions take takes statement statements
  analysis proposal plan policy policies law laws bill article piece study answer question questions
  example analogy conclusion thesis suggestion approach system rule rules decision movie book film show
  song game weather day situation thing stuff traffic service product design code
`));

/** Second-person references (after normalisation of "u", "ur", "youre", ...). */
export const SECOND_PERSON = new Set(words(`you your you're yourself yours you've you'd you'll yourselves`));

export const FIRST_PERSON = new Set(words(`i i'm me myself i've i'd i'll`));

export const THIRD_PERSON = new Set(words(`
  he she they him her them his hers their theirs he's she's they're himself herself themselves it this
  that these those who my our someone somebody everyone everybody
`));

/**
 * Words that negate what follows in their clause: "I'm not calling you stupid", "never said you
 * were an idiot". Words ending in n't count too (normalize.ts).
 */
export const NEGATORS = new Set(words(`not never no nor cannot neither`));

/** Verbs that report what someone else said: "he called me an idiot" is a quote, not an attack. */
export const REPORTING_VERBS = new Set(words(`
  called calls calling call named labelled labeled branded said says saying told tells telling wrote
  writes accused accuses accusing
`));

/**
 * People outside the conversation that comments often aim at: the publication, its writers,
 * office holders. An insult aimed here is an attack on someone other than a member.
 */
export const OUTSIDE_TARGETS = new Set(words(`
  author writer reporter journalist journalists editor editors columnist article paper newspaper media
  president minister premier mayor senator congressman governor prime government administration party
  politician politicians leader leaders trump obama biden clinton hillary harper trudeau wynne ford
  democrats republicans liberals conservatives ndp gop left right police cops ceo company
`));

/** Human groups; dehumanising words only count when they are about people. */
export const GROUP_NOUNS = new Set(words(`
  they them these those people immigrants immigrant migrants migrant refugees refugee foreigners foreigner
  liberals liberal conservatives conservative democrats republicans leftists rightwingers lefties muslims
  jews christians atheists gays trans feminists men women boomers millennials protesters voters citizens
  neighbours neighbors outsiders strangers newcomers tourists elites globalists politicians bureaucrats
  officials journalists activists
  communists socialists fascists mexicans africans arabs asians europeans americans russians chinese
  invaders illegals aliens gypsies roma
`));

/** Words that dehumanise when applied to people. */
export const DEHUMANIZING = new Set(words(`
  vermin infestation infest infested infesting cockroaches roaches rats parasites parasite subhuman subhumans
  savages savage animals beasts filth plague disease cancer swarm swarming swarms hordes horde creatures
  scum leeches lice mongrels invaders invasion pests pest maggots insects breeding breed
`));

const all = [INSULT_NOUNS, INSULT_ADJECTIVES, SLURS, PROFANITY, DEHUMANIZING];

/** Every word a lexicon knows: normalisation prefers these when undoing stretched spellings. */
export const LEXICON_WORDS = new Set<string>(all.flatMap((s) => [...s]));

/** Lexicon words grouped by length, for matching masked spellings like "f*ck". */
export const MASKABLE_WORDS = new Map<number, string[]>();
for (const w of [...PROFANITY, ...INSULT_NOUNS, ...INSULT_ADJECTIVES, ...SLURS]) {
  const list = MASKABLE_WORDS.get(w.length) ?? [];
  list.push(w);
  MASKABLE_WORDS.set(w.length, list);
}

/** Fold a simple plural ("idiots" -> "idiot") for lexicon membership. */
export function singular(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

export type WordClass = 'slur' | 'noun' | 'adj' | 'prof';

/** What kind of bad word a normalised word is, if any. */
export function wordClass(norm: string): WordClass | null {
  if (SLURS.has(norm)) return 'slur';
  if (INSULT_NOUNS.has(norm)) return 'noun';
  if (INSULT_ADJECTIVES.has(norm)) return 'adj';
  if (PROFANITY.has(norm)) return 'prof';
  const s = singular(norm);
  if (s !== norm) {
    if (SLURS.has(s)) return 'slur';
    if (INSULT_NOUNS.has(s)) return 'noun';
  }
  return null;
}
