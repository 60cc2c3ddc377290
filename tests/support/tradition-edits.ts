/**
 * The edits of ./traditions.ts. A copy's own edits (inherited by whoever copies it) and an outlet's house
 * style, which unrelated outlets apply independently: the convergent changes that make "shares this
 * reading" weak evidence unless it is rare or deliberate.
 */

const SYNONYMS: Record<string, string> = {
  close: 'tight',
  nervous: 'anxious',
  tired: 'exhausted',
  scared: 'afraid',
  raw: 'rough',
  quiet: 'still',
  honest: 'truthful',
  bigger: 'larger',
  exactly: 'precisely',
  always: 'often',
  kept: 'saved',
  long: 'full',
  stranger: 'odder',
  somebody: 'someone',
  wanted: 'needed',
};
const TENSE: Record<string, string> = {
  had: 'have',
  was: 'is',
  did: 'do',
  were: 'are',
  is: 'was',
  have: 'had',
  meant: 'means',
  told: 'tells',
};
const BRACKETS = ['[Hamm]', '[Weiner]', '[the show]', '[Peggy]', '[in 2012]'];
const PUNCTUATION = [',', ';', ' —', ':'];

type Edit = (words: string[], rand: () => number) => boolean;

const inner = (words: readonly string[], rand: () => number) => 1 + Math.floor(rand() * Math.max(1, words.length - 3));
const bare = (w: string) => w.replace(/[^\p{L}']/gu, '').toLowerCase();

const EDITS: Edit[] = [
  function omit(words, rand) {
    words.splice(inner(words, rand), 1 + Math.floor(rand() * 2));
    return true;
  },
  function synonym(words) {
    return swapWord(words, SYNONYMS);
  },
  function tense(words) {
    return swapWord(words, TENSE);
  },
  function ellipsis(words, rand) {
    const at = inner(words, rand);
    words.splice(at, 2 + Math.floor(rand() * 3), '...');
    return true;
  },
  function bracket(words, rand) {
    words.splice(inner(words, rand), 0, BRACKETS[Math.floor(rand() * BRACKETS.length)]!);
    return true;
  },
  function truncate(words, rand) {
    if (words.length < 10) return false;
    words.splice(words.length - 2 - Math.floor(rand() * 3));
    return true;
  },
  function repunctuate(words, rand) {
    const at = inner(words, rand);
    const w = words[at]!;
    const stripped = w.replace(/[,;:—]+$/, '');
    const mark = PUNCTUATION.filter((m) => !w.endsWith(m.trim()))[Math.floor(rand() * 3)]!;
    words[at] = stripped + mark;
    return true;
  },
];

/** The first word (from a random start) that the table changes, changed; false when none is there. */
function swapWord(words: string[], table: Record<string, string>): boolean {
  for (let i = 0; i < words.length; i++) {
    const to = table[bare(words[i]!)];
    if (!to) continue;
    words[i] = words[i]!.replace(/\p{L}+/u, (m) => (m[0] === m[0]!.toUpperCase() ? to[0]!.toUpperCase() + to.slice(1) : to));
    return true;
  }
  return false;
}

/** `count` random edits of one quote's wording. */
export function editQuote(text: string, count: number, rand: () => number): string {
  const words = text.split(/\s+/).filter(Boolean);
  for (let done = 0, tries = 0; done < count && tries < 20; tries++) {
    if (EDITS[Math.floor(rand() * EDITS.length)]!(words, rand)) done++;
  }
  return words.join(' ').replace(/ ([,;:])/g, '$1');
}

export interface Style {
  curly: boolean;
  dash: '—' | ' – ' | ' - ' | null;
  ok: 'OK' | 'okay' | null;
  oxford: boolean | null;
}

export function randomStyle(rand: () => number): Style {
  const one = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  return { curly: rand() < 0.5, dash: one(['—', ' – ', ' - ', null]), ok: one(['OK', 'okay', null]), oxford: one([true, false, null]) };
}

/** An outlet's house style applied to a wording: what every outlet with that style prints, copied or not. */
export function houseStyle(text: string, style: Style): string {
  let t = style.curly ? text.replace(/'/g, '’') : text.replace(/[’‘]/g, "'");
  if (style.dash) t = t.replace(/\s*—\s*| – | - /g, style.dash === '—' ? '—' : style.dash);
  if (style.ok) t = t.replace(/\b(okay|OK)\b/gi, (m, _w, at: number) => (style.ok === 'okay' && at === 0 ? 'Okay' : style.ok!));
  if (style.oxford === true) t = t.replace(/(\w+, \w+) and /g, '$1, and ');
  if (style.oxford === false) t = t.replace(/(\w+), and /g, '$1 and ');
  return t;
}
