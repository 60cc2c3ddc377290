/**
 * Person names in article text: speech subjects ("Moss said", "said Hamm") and full names seen in an
 * article ("Moss" → "Elisabeth Moss"). One spelling per person across the corpus is name-book.ts.
 */
import { wordKey } from '../normalize';
import { SPEECH_VERB_LIST } from '../speech';

const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}]*(?:[-'\u2019]\p{L}+)*`;
/** One to three capitalised words; leading function words ("According", "The") are trimmed later. */
export const NAME = String.raw`${NAME_WORD}(?:[ \u00A0]${NAME_WORD}){0,2}`;

/** Speech verbs as one alternation for the patterns below (the list is shared with the matcher: ../speech.ts). */
export const SPEECH_VERBS = SPEECH_VERB_LIST.join('|');

/** Verbs that put the speaker after them in an inverted attribution: “…,” said Hamm. */
export const INVERTED_VERBS = 'said|says|added|adds|explained|continued|wrote|joked|recalled|quipped|noted|laughed|replied|asked';

/** Adverbs allowed between subject and verb: "Moss also said". */
export const ADVERB = String.raw`(?:[ \u00A0]+(?:also|later|then|once|previously|recently|even|further|simply|jokingly|candidly|happily))?`;

export const PRONOUN = 'she|he|they';

/** Role nouns standing for a person ("the actress explained"), with the gender they imply. */
export const ROLES: Record<string, Gender | null> = {
  actress: 'f',
  actor: 'm',
  star: null,
  singer: null,
  comedian: null,
  director: null,
  creator: null,
  showrunner: null,
  writer: null,
  producer: null,
  musician: null,
  rapper: null,
  host: null,
  author: null,
  'co-star': null,
  costar: null,
};
export const ROLE = Object.keys(ROLES).join('|');

export type Gender = 'f' | 'm';

/** Capitalised words that start sentences but never names. */
const NOT_NAME = new Set([
  'a',
  'an',
  'the',
  'in',
  'on',
  'at',
  'of',
  'for',
  'with',
  'and',
  'but',
  'or',
  'between',
  'after',
  'before',
  'while',
  'when',
  'like',
  'according',
  'speaking',
  'last',
  'how',
  'why',
  'what',
  'this',
  'that',
  'these',
  'those',
  'it',
  'its',
  'his',
  'her',
  'their',
  'our',
  'my',
  'your',
  'as',
  'to',
  'from',
  'by',
  'so',
  'if',
  'then',
  'also',
  'even',
  'just',
  'both',
  'during',
  'referring',
  'over',
  'she',
  'he',
  'they',
  'we',
  'i',
  'you',
  'there',
  'here',
  'now',
  'still',
  'yet',
  'however',
  'meanwhile',
  'earlier',
  'later',
  'although',
  'though',
  'because',
]);

/** A name as written, cleaned: leading function words and a possessive ending removed. */
export interface CleanName {
  name: string;
  possessive: boolean;
}

export function cleanName(raw: string): CleanName | null {
  const words = raw.split(/[ \u00A0]+/);
  while (words.length > 0 && NOT_NAME.has(words[0]!.toLowerCase())) words.shift();
  if (words.length === 0) return null;
  const last = words[words.length - 1]!;
  const m = /^(.*?)(?:['\u2019]s?)$/u.exec(last);
  const possessive = m !== null && m[1]!.length > 1;
  if (possessive) words[words.length - 1] = m![1]!;
  return { name: words.join(' '), possessive };
}

/** The key a person is known by across forms: the surname, normalised ("Moss"). */
export function surnameKey(name: string): string {
  const words = name.split(/[ \u00A0]+/);
  return wordKey(words[words.length - 1]!);
}

/** Names directly attached to a speech verb in `narrative` (quotes blanked): who speaks in this text. */
export function speechSubjects(narrative: string): { name: string; at: number }[] {
  const out: { name: string; at: number }[] = [];
  const patterns = [
    new RegExp(`(${NAME})${ADVERB}\\s+(?:${SPEECH_VERBS})\\b`, 'gu'),
    new RegExp(`[\u201D"'\u2019]\\s*(?:${INVERTED_VERBS})\\s+(${NAME})`, 'gu'),
    new RegExp(`\\b[Aa]ccording to (${NAME})`, 'gu'),
  ];
  for (const re of patterns) {
    for (const m of narrative.matchAll(re)) {
      const clean = cleanName(m[1]!);
      if (clean && !clean.possessive) out.push({ name: clean.name, at: (m.index ?? 0) + m[0].indexOf(m[1]!) });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Every capitalised name in `narrative` with at least two words, e.g. "Elisabeth Moss", with its position. */
export function fullNames(narrative: string): { name: string; at: number; possessive: boolean }[] {
  const out: { name: string; at: number; possessive: boolean }[] = [];
  for (const m of narrative.matchAll(new RegExp(NAME, 'gu'))) {
    const clean = cleanName(m[0]);
    if (clean && clean.name.includes(' ')) out.push({ name: clean.name, at: m.index ?? 0, possessive: clean.possessive });
  }
  return out;
}

/**
 * Resolves a surname to the fullest name a text gives for it: the most frequent full name ending
 * with that surname; `fallback` (the corpus-wide choice) when the text has none.
 */
export function expandName(name: string, inText: readonly string[], fallback?: ReadonlyMap<string, string>): string {
  if (name.includes(' ')) return name;
  const key = surnameKey(name);
  const counts = new Map<string, number>();
  for (const full of inText) if (surnameKey(full) === key) counts.set(full, (counts.get(full) ?? 0) + 1);
  let best: string | null = null;
  for (const [full, n] of counts) if (best === null || n > counts.get(best)!) best = full;
  return best ?? fallback?.get(key) ?? name;
}
