/**
 * The few English word classes whose change alters what a speaker said: negators, hedges and modals,
 * number words, tense forms, personal pronouns, qualifying conjunctions. Word keys as `normalize.ts`
 * makes them (lower case, straight apostrophes, no diacritics). English only, like the bundled topic;
 * another language's topic pack would need its own lists.
 */

const NEGATORS = new Set(['not', 'no', 'never', 'nothing', 'none', 'nobody', 'nowhere', 'neither', 'nor', 'cannot', 'without', 'noone']);

/** "not", "never", "didn't", "cannot"… */
export function isNegator(key: string): boolean {
  return NEGATORS.has(key) || key.endsWith("n't");
}

/** Hedges: phrases that soften a claim. Multi-word ones as word-key sequences. */
export const HEDGES: readonly (readonly string[])[] = [
  'sort of',
  'kind of',
  'a bit',
  'a little',
  'i think',
  'i guess',
  'i suppose',
  'i believe',
  'i feel like',
  'i mean',
  'more or less',
  'in a way',
  'to some extent',
  'maybe',
  'perhaps',
  'probably',
  'possibly',
  'somewhat',
  'fairly',
  'almost',
  'nearly',
  'roughly',
  'apparently',
  'seemingly',
  'supposedly',
  'arguably',
  'likely',
  'seems',
  'seemed',
  'sometimes',
  'often',
  'usually',
].map((p) => p.split(' '));

/** Modal verbs: swapping one for another changes how certain or obliged the statement is. */
export const MODALS = new Set(['might', 'may', 'could', 'would', 'should', 'must', 'will', 'can', 'shall']);

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
  half: 0.5,
  once: 1,
  twice: 2,
};
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1000,
  million: 1e6,
  billion: 1e9,
  hundreds: 100,
  thousands: 1000,
  millions: 1e6,
};
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};
/** "90-something", "twenty-odd", "50-plus", "30ish": an approximate number, still a number. */
const APPROX = new Set(['something', 'odd', 'plus', 'ish', 'some']);

/**
 * The quantities in a run of word keys, as comparable strings: "seven" and "7" are both "7",
 * "ninety-two" is "92", "90-something" is "90~", "3rd" and "third" are "#3".
 */
export function quantities(keys: readonly string[]): string[] {
  const out: string[] = [];
  let value: number | null = null;
  let current = 0;
  const flush = (approx = false) => {
    if (value !== null) out.push(`${value + current}${approx ? '~' : ''}`);
    value = null;
    current = 0;
  };
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const digits = /^(\d+(?:[.,]\d+)?)(?:s|st|nd|rd|th)?$/.exec(k);
    if (digits) {
      flush();
      if (/(st|nd|rd|th)$/.test(k) && !/s$/.test(k)) out.push(`#${Number(digits[1]!.replace(',', ''))}`);
      else {
        value = Number(digits[1]!.replace(/,(?=\d{3}\b)/, '').replace(',', '.'));
        current = 0;
      }
      continue;
    }
    if (k in UNITS) {
      value ??= 0;
      current += UNITS[k]!;
      continue;
    }
    if (k in SCALES) {
      // "two hundred", and "a hundred" / "hundreds" on their own.
      value = ((value ?? 0) + (current || 1)) * SCALES[k]!;
      current = 0;
      continue;
    }
    if (k in ORDINALS) {
      flush();
      out.push(`#${ORDINALS[k]}`);
      continue;
    }
    if (k === 'and' && value !== null && i + 1 < keys.length && keys[i + 1]! in UNITS) continue;
    flush(APPROX.has(k) && value !== null);
  }
  flush();
  return out;
}

/** Tense class of a verb form, when it is one this list knows: auxiliaries, irregular verbs, regular -ed. */
const PRESENT_PAST: readonly [string[], string[]][] = [
  [
    ['have', 'has', "i've", "we've", "you've", "they've"],
    ['had', "i'd", "we'd", "you'd", "they'd"],
  ],
  [
    ['is', 'are', 'am', "i'm", "it's", "he's", "she's", "we're", "they're", "you're", "that's", "there's"],
    ['was', 'were'],
  ],
  [
    ['do', 'does', "don't", "doesn't"],
    ['did', "didn't"],
  ],
  [
    ['will', "'ll", "won't"],
    ['would', "wouldn't"],
  ],
  [
    ['can', "can't"],
    ['could', "couldn't"],
  ],
];
const IRREGULAR: Record<string, string> = {
  say: 'said',
  says: 'said',
  tell: 'told',
  tells: 'told',
  feel: 'felt',
  feels: 'felt',
  mean: 'meant',
  means: 'meant',
  make: 'made',
  makes: 'made',
  think: 'thought',
  thinks: 'thought',
  know: 'knew',
  knows: 'knew',
  go: 'went',
  goes: 'went',
  get: 'got',
  gets: 'got',
  take: 'took',
  takes: 'took',
  come: 'came',
  comes: 'came',
  see: 'saw',
  sees: 'saw',
  keep: 'kept',
  keeps: 'kept',
  leave: 'left',
  leaves: 'left',
  hold: 'held',
  holds: 'held',
  give: 'gave',
  gives: 'gave',
  find: 'found',
  finds: 'found',
  become: 'became',
  becomes: 'became',
  begin: 'began',
  begins: 'began',
  bring: 'brought',
  brings: 'brought',
  buy: 'bought',
  buys: 'bought',
  win: 'won',
  wins: 'won',
  lose: 'lost',
  loses: 'lost',
  sleep: 'slept',
  sleeps: 'slept',
  fall: 'fell',
  falls: 'fell',
  write: 'wrote',
  writes: 'wrote',
  run: 'ran',
  runs: 'ran',
  sit: 'sat',
  sits: 'sat',
  stand: 'stood',
  stands: 'stood',
  speak: 'spoke',
  speaks: 'spoke',
};

/** Whether `a` → `b` is the same verb moved to another tense ("had" → "have", "feels" → "felt", "loved" → "loves"). */
export function isTenseShift(a: string, b: string): boolean {
  if (a === b) return false;
  for (const [present, past] of PRESENT_PAST) {
    if ((present.includes(a) && past.includes(b)) || (past.includes(a) && present.includes(b))) return true;
  }
  if (IRREGULAR[a] === b || IRREGULAR[b] === a) return true;
  return regularShift(a, b) || regularShift(b, a);
}

/** "love"/"loves" → "loved", "ask"/"asks" → "asked", "cry" → "cried", "stop" → "stopped". */
function regularShift(present: string, past: string): boolean {
  if (!past.endsWith('ed') || past.length < 4) return false;
  const base = present.endsWith('s') && !present.endsWith('ss') ? present.slice(0, -1) : present;
  const stems = [past.slice(0, -2), past.slice(0, -1), past.slice(0, -3)];
  if (base.endsWith('y')) stems.push(past.replace(/ied$/, 'y'));
  return base.length >= 3 && (stems.includes(base) || stems.includes(present));
}

/** Future markers: "will keep" → "kept" moves an event too. */
export const FUTURE = new Set(['will', "'ll", 'shall', 'gonna', "i'll", "we'll", "you'll", "he'll", "she'll", "they'll"]);

export function isPast(key: string): boolean {
  if (Object.values(IRREGULAR).includes(key)) return true;
  if (PRESENT_PAST.some(([, past]) => past.includes(key))) return true;
  return key.endsWith('ed') && key.length > 4;
}

const PERSONS: Record<string, string> = {};
for (const [person, words] of Object.entries({
  '1s': "i me my mine myself i'm i've i'd i'll",
  '1p': "we us our ours ourselves we're we've we'd we'll",
  '2': "you your yours yourself yourselves you're you've you'd you'll",
  '3m': "he him his himself he's he'd he'll",
  '3f': "she her hers herself she's she'd she'll",
  '3n': "it its itself it's",
  '3p': "they them their theirs themselves they're they've they'd they'll",
}))
  for (const w of words.split(' ')) PERSONS[w] = person;

/** The person/number/gender of a personal pronoun ("1s", "3f"…), or null for any other word. */
export function pronounClass(key: string): string | null {
  return PERSONS[key] ?? null;
}

/** Words that open a clause qualifying what came before: a quote cut just before one loses its qualification. */
export const QUALIFIERS = new Set([
  'but',
  'though',
  'although',
  'unless',
  'except',
  'only',
  'if',
  'however',
  'yet',
  'while',
  'whereas',
  'until',
]);
