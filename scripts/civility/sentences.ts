// Deterministic made-up comments that reach the corners of the civility
// tokenizer and scorers: leetspeak, stretched, masked and spaced-out words,
// capitals, quotes, @mentions, numbers, curly punctuation and other scripts.
// Used to pin the classifier's outputs (see snapshot-civility.ts).

const WORDS = {
  who: ['you', 'u', 'ur', 'your', "you're", 'youre', 'people like you', '@Ana', 'he', 'they', 'I', "I'm", 'my neighbour', 'this', 'these immigrants', 'politicians', 'we'],
  verb: ['are', 'r', 'is', 'am', 'sound like', 'called me', 'said he was', 'seem', 'must be', 'will always be', 'clearly are'],
  det: ['an', 'a', 'such a', 'what a', 'a total', 'the biggest', ''],
  bad: ['idiot', 'idiots', 'moron', 'stupid', 'clueless', 'liar', 'fucking', 'shit', 'troll', 'parasites', 'vermin', 'retard', 'ignorant', 'clown', 'dumbass', 'sheeple', 'rats', 'pathetic'],
  plain: ['budget', 'park', 'council', 'vote', 'argument', 'idea', 'post', 'weather', 'traffic', 'study', 'data', 'policy', 'the bridge', 'our town', 'the 3 bills', '40 dollars', 'library hours', 'next week'],
  phrase: [
    'shut up', 'fuck off', 'did you even read', 'learn to read', 'get a life', 'paid shill', 'wake up', 'too late',
    'they are coming for', 'lock them up', 'I think', "I'm worried", 'according to the report', 'on the other hand',
    'go back to school', 'you people', 'are you serious', 'nice try', 'lol', 'enough is enough', 'how dare they',
    "you clearly didn't read", 'your tiny little brain', 'you are just trolling', 'it might be', 'kill yourself',
  ],
  odd: ['très bien', '谢谢', 'İstanbul', 'straße', 'ÆON', '👍🏽', '🎉', 'naïve', 'über', 'Ωmega', 'ﬁne', 'Ⅻ', '٣'],
  punct: ['.', '!', '?', ',', ';', ' -', ' —', ':', '!!!', '...', '\n', ' –'],
};

type Pool = keyof typeof WORDS;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEET: Record<string, string> = { o: '0', i: '1', e: '3', a: '4', s: '$', t: '7' };

/** Spelling games people play to dodge filters, one chosen per word. */
const DISGUISES: ((w: string, r: () => number) => string)[] = [
  (w) => w,
  (w) => w.toUpperCase(),
  (w) => w[0].toUpperCase() + w.slice(1),
  (w) => w.replace(/[oieast]/g, (c) => LEET[c]),
  (w, r) => { const k = Math.floor(r() * w.length); return w.slice(0, k + 1) + w[k].repeat(2 + Math.floor(r() * 4)) + w.slice(k + 1); },
  (w) => (w.length > 3 ? w[0] + '*'.repeat(w.length - 2) + w[w.length - 1] : w),
  (w) => (w.length > 2 ? w[0] + '*' + w.slice(2) : w),
  (w) => w.split('').join(' '),
  (w) => `"${w}"`,
  (w) => `“${w}”`,
  (w) => w.replace(/'/g, '’'),
  (w) => `**${w}**`,
];

export function generatedSentences(count: number, seed = 20240611): string[] {
  const r = rng(seed);
  const pick = (p: Pool) => WORDS[p][Math.floor(r() * WORDS[p].length)];
  const disguise = (w: string) => (r() < 0.3 ? DISGUISES[Math.floor(r() * DISGUISES.length)](w, r) : w);
  const shapes: Pool[][] = [
    ['who', 'verb', 'det', 'bad'],
    ['bad', 'punct'],
    ['phrase', 'who', 'verb', 'bad', 'plain'],
    ['plain', 'verb', 'bad', 'punct', 'who', 'verb', 'det', 'bad'],
    ['who', 'phrase', 'plain', 'odd'],
    ['det', 'bad', 'plain', 'punct', 'phrase'],
    ['odd', 'who', 'verb', 'odd', 'bad'],
  ];
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const parts: string[] = [];
    const clauses = 1 + Math.floor(r() * 4);
    for (let c = 0; c < clauses; c++) {
      for (const pool of shapes[Math.floor(r() * shapes.length)]) {
        const w = pick(pool);
        if (w) parts.push(pool === 'punct' ? w : disguise(w));
      }
      parts.push(pick('punct'));
    }
    let text = parts.join(' ');
    if (r() < 0.1) text = text.toUpperCase();
    out.push(text);
  }
  // Edges no random sentence is likely to hit.
  out.push('', ' ', '@', '@@@', '$$$', "''", "you'", "'you", '*', '***', 'a b c d e', 'u r a n i d i o t', 'i d i o t s',
    'x '.repeat(300), 'YOU ARE ALL IDIOTS!!!', 'ı̇dıot', '\u{1D400}\u{1D401}', 'f*ck y0u @Bob', 'I.D.I.O.T');
  return out;
}
