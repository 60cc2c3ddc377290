/**
 * Reworded copies of the corpus articles, made by our own rules, to measure recall on the kind of copy
 * the bundled fixtures have only a few of: machine-"spun" copies (synonyms swapped in by a spinner's
 * table, quotation marks dropped) and back-translated ones (contractions expanded, names respelled,
 * idioms rendered word for word). Seeded: every run makes the same copies.
 *
 * The rules are written here by hand, as a spinner or a round trip through another language would
 * apply them; they share nothing with the matcher's lexicon (src/engine/lexicon.ts), so the
 * measurement does not grade the matcher against its own synonym list.
 *
 * `rewriteArticle` returns the copy and, for every quote the pack recorded in the article, where its
 * rewritten wording now stands: a match is right when it overlaps its own group's rewritten span.
 */
import type { Pack } from '../../src/engine/types';

export type RewriteKind = 'spun' | 'back-translated';

export interface RewrittenQuote {
  group: string;
  start: number;
  end: number;
  /** The original wording, for reports. */
  original: string;
}

export interface RewrittenArticle {
  kind: RewriteKind;
  document: string;
  text: string;
  quotes: RewrittenQuote[];
}

/** A spinner's synonym table: what article spinners put in (one replacement per word, their usual picks). */
const SPIN: Record<string, string[]> = {
  real: ['genuine', 'actual'],
  very: ['extremely', 'really'],
  close: ['near', 'tight'],
  relationship: ['partnership', 'connection'],
  sort: ['kind', 'type'],
  older: ['elder', 'senior'],
  brother: ['sibling', 'bro'],
  little: ['small', 'younger'],
  meant: ['implied', 'indicated'],
  scene: ['scene', 'sequence'],
  actually: ['truly', 'in fact'],
  hate: ['dislike', 'despise'],
  break: ['damage', 'split'],
  often: ['typically', 'frequently'],
  faking: ['forging', 'feigning'],
  held: ['held', 'gripped'],
  hand: ['hand', 'palm'],
  kissed: ['smooched', 'kissed'],
  script: ['manuscript', 'text'],
  costume: ['outfit', 'attire'],
  seasons: ['periods', 'seasons'],
  episodes: ['episodes', 'instalments'],
  asked: ['asked', 'inquired'],
  wanted: ['desired', 'wished'],
  keep: ['maintain', 'retain'],
  because: ['since', 'due to the fact that'],
  think: ['believe', 'assume'],
  fits: ['suits', 'fits'],
  anymore: ['any longer', 'anymore'],
  need: ['require', 'have'],
  speak: ['talk', 'chat'],
  manager: ['supervisor', 'manager'],
  happened: ['took place', 'chanced'],
  phrase: ['expression', 'saying'],
  watching: ['enjoying', 'seeing'],
  looked: ['looked', 'searched'],
  thought: ['believed', 'assumed'],
  sounded: ['seemed', 'appeared'],
  cool: ['great', 'amazing'],
  common: ['typical', 'usual'],
  used: ['made use of', 'utilized'],
  describe: ['explain', 'define'],
  beautiful: ['gorgeous', 'lovely'],
  started: ['began', 'started'],
  severely: ['extremely', 'seriously'],
  moved: ['relocated', 'shifted'],
  certain: ['particular', 'specific'],
  treats: ['deals with', 'handles'],
  respect: ['regard', 'respect'],
  constantly: ['regularly', 'continuously'],
  annoyed: ['irritated', 'aggravated'],
  people: ['individuals', 'folks'],
  together: ['with each other', 'together'],
  mutual: ['shared', 'common'],
  appreciation: ['gratitude', 'admiration'],
  work: ['job', 'work'],
  material: ['product', 'product'],
  ostensibly: ['seemingly', 'supposedly'],
  becomes: ['ends up being', 'becomes'],
  then: ['afterwards', 'after that'],
  felt: ['really felt', 'felt'],
  always: ['constantly', 'always'],
  dismissive: ['dismissive', 'prideful'],
  love: ['love', 'romance'],
  something: ['something', 'a point'],
};

/** Back-translation: phrases a round trip through another language tends to render differently. */
const ROUND_TRIP: [RegExp, string][] = [
  [/\bhate to break it to you\b/gi, 'I am sorry to tell you'],
  [/\bwe[’']re faking it\b/gi, 'we pretend'],
  [/\bsort of like a\b/gi, 'a kind of'],
  [/\bheld onto\b/gi, 'held'],
  [/\bthe both of us\b/gi, 'both of us'],
  [/\bkissed it\b/gi, 'kissed her'],
  [/\bolder brother\b/gi, 'big brother'],
  [/\bNone of that\b/g, 'Nothing of that'],
  [/\b90-something episodes\b/gi, 'more than 90 episodes'],
  [/\bI don[’']t think it fits me anymore\b/gi, 'I do not believe it still fits me'],
  [/\bwhich you know\b/gi, 'you know'],
  [/\bthey[’']re gonna\b/gi, 'they will'],
  [/\bit turns out\b/gi, 'it appears'],
  [/\bI happened upon\b/gi, 'I came across'],
  [/\bstrikes its resonant chord\b/gi, 'touches its chord'],
];

/** Contractions a round trip writes out (and the names it respells), word by word. */
const EXPAND: Record<string, string> = {
  "didn't": 'did not',
  "don't": 'do not',
  "that's": 'that is',
  "it's": 'it is',
  "we're": 'we are',
  "they're": 'they are',
  "I'm": 'I am',
  "can't": 'cannot',
  Jon: 'John',
  Hamm: 'Ham',
  Elisabeth: 'Elizabeth',
  had: 'have',
  was: 'is',
};

/** Park–Miller: small, seeded, the same everywhere. */
export function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

function keepCase(model: string, word: string): string {
  return model[0] === model[0]!.toUpperCase() && model[0] !== model[0]!.toLowerCase() ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/** A spinner's pass over a quote: each listed word swapped with probability `rate`. */
export function spin(text: string, rand: () => number, rate = 0.6): string {
  return text.replace(/[\p{L}’']+/gu, (w) => {
    const options = SPIN[w.toLowerCase()];
    if (!options || rand() >= rate) return w;
    return keepCase(w, options[Math.floor(rand() * options.length)]!);
  });
}

/** A round trip through another language: idioms, contractions, names, tense. */
export function roundTrip(text: string, rand: () => number, rate = 0.7): string {
  let out = text;
  for (const [re, to] of ROUND_TRIP) out = out.replace(re, (m) => (rand() < rate ? keepCase(m, to) : m));
  return out.replace(/[\p{L}’']+/gu, (w) => {
    const to = EXPAND[w.replace(/’/g, "'")] ?? EXPAND[w.toLowerCase().replace(/’/g, "'")];
    return to && rand() < rate ? keepCase(w, to) : w;
  });
}

/** Narration around the quotes as such copies write it: quote marks gone, attributions spun. */
function narration(text: string, kind: RewriteKind, rand: () => number): string {
  const noMarks = text.replace(/[“”"‘]|’(?![\p{L}])/gu, '');
  if (kind === 'back-translated') return roundTrip(noMarks, rand, 0.5);
  return noMarks
    .replace(/\bsaid\b/g, () => (rand() < 0.5 ? 'disclosed' : 'included'))
    .replace(/\bexplained\b/g, 'discussed')
    .replace(/\badded\b/g, 'included');
}

/**
 * The article `document` of `pack`, rewritten: narration as such copies write it, each quote the pack
 * recorded there reworded by `kind`'s rules. `seed` picks which words change.
 */
export function rewriteArticle(pack: Pack, document: string, text: string, kind: RewriteKind, seed = 7): RewrittenArticle {
  const rand = seeded(seed);
  const spans = pack.groups
    .flatMap((g) => g.variants.filter((v) => v.document === document).map((v) => ({ group: g.id, start: v.start, end: v.end })))
    .sort((a, b) => a.start - b.start)
    // A wording recorded twice (a standfirst repeating the body) counts once per place.
    .filter((s, k, all) => k === 0 || s.start >= all[k - 1]!.end);
  let out = '';
  let at = 0;
  const quotes: RewrittenQuote[] = [];
  for (const s of spans) {
    out += narration(text.slice(at, s.start), kind, rand);
    const original = text.slice(s.start, s.end);
    const reworded = kind === 'spun' ? spin(original, rand) : roundTrip(original, rand);
    quotes.push({ group: s.group, start: out.length, end: out.length + reworded.length, original });
    out += reworded;
    at = s.end;
  }
  out += narration(text.slice(at), kind, rand);
  return { kind, document, text: out, quotes };
}
