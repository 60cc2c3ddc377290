/**
 * The original source of a quote when the article states it: "in an interview with Vanity Fair",
 * "a TV Insider interview from 2015", "speaking to Vulture in 2012", "the Instagram video".
 * Written as "<Name> <medium>" plus " (<year>)" when a year is given: "TV Insider interview (2015)",
 * "Vulture (2012)", "Instagram video".
 */

const ORG_WORD = String.raw`\p{Lu}[\p{L}\p{N}&'\u2019.-]*`;
const ORG = String.raw`${ORG_WORD}(?:[ \u00A0]${ORG_WORD}){0,3}`;
/** Kinds of original source. Not "episode" or "production": those name the show, not a source. */
const MEDIA =
  'interview|video|podcast|profile|post|appearance|conversation|livestream|panel|statement|chat|documentary|op-ed|essay|memoir|tweet|story|special';

const PATTERNS: { re: RegExp; medium: (m: RegExpMatchArray, sentence: string) => string | null }[] = [
  // "a Vanity Fair video", "the Instagram video", "a TV Insider interview from 2015"
  {
    re: new RegExp(`\\b(?:a|an|the|her|his|their|its)\\s+(?:new\\s+|recent\\s+|old\\s+)?(${ORG})\\s+(?:video\\s+)?(${MEDIA})\\b`, 'gu'),
    medium: (m) => m[2]!,
  },
  // "an interview with Vanity Fair", "the interview with VF"
  { re: new RegExp(`\\b(?:interview|conversation|chat|sit-down)\\s+with\\s+(${ORG})`, 'gu'), medium: () => 'interview' },
  // "Speaking to Vanity Fair in a new interview", "speaking to Vulture in 2012", "told Variety"
  {
    re: new RegExp(`\\b(?:[Ss]peaking|[Tt]alking|spoke|speaks|talked|told|[Tt]elling)\\s+(?:to\\s+|with\\s+)?(${ORG})`, 'gu'),
    medium: (_m, sentence) => new RegExp(`\\bin\\s+an?\\s+(?:new\\s+|recent\\s+)?(${MEDIA})\\b`, 'u').exec(sentence)?.[1] ?? null,
  },
];

const YEAR = /\b(?:in|from|back in)\s+((?:19|20)\d\d)\b/;

export interface SourceMention {
  /** Offset of the mention in the text searched. */
  at: number;
  org: string;
  medium: string | null;
  year: string | null;
}

/**
 * Source mentions in `narrative` (quotes blanked), in text order. `isPerson` excludes people
 * ("an interview with Moss" names no source).
 */
export function findSources(narrative: string, isPerson: (name: string) => boolean): SourceMention[] {
  const found: SourceMention[] = [];
  for (const { re, medium } of PATTERNS) {
    for (const m of narrative.matchAll(re)) {
      const org = trimOrg(m[1]!);
      const at = m.index ?? 0;
      if (!org || isPerson(org) || found.some((f) => Math.abs(f.at - at) < 40 && f.org === org)) continue;
      const sentence = sentenceAround(narrative, at);
      const year = YEAR.exec(narrative.slice(at, sentence.end))?.[1] ?? null;
      found.push({ at, org, medium: medium(m, narrative.slice(sentence.start, sentence.end)), year });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/** "Vanity Fair interview", "Vulture (2012)". Abbreviations are expanded when the article spells them out (VF → Vanity Fair). */
export function formatSource(mention: SourceMention, known: readonly string[] = []): string {
  const org = expandAcronym(mention.org, known);
  return `${org}${mention.medium ? ` ${mention.medium}` : ''}${mention.year ? ` (${mention.year})` : ''}`;
}

function expandAcronym(org: string, known: readonly string[]): string {
  if (!/^\p{Lu}{2,4}$/u.test(org)) return org;
  const full = known.find((k) => k.includes(' ') && initials(k) === org);
  return full ?? org;
}

function initials(name: string): string {
  return name
    .split(/[ \u00A0]+/)
    .map((w) => w[0])
    .join('');
}

/** Drops trailing sentence punctuation and a possessive from a matched name. */
function trimOrg(raw: string): string {
  return raw
    .replace(/[.’'-]+$/u, '')
    .replace(/['\u2019]s$/u, '')
    .trim();
}

function sentenceAround(text: string, at: number): { start: number; end: number } {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n')) + 1;
  const rest = text.slice(at);
  const m = /[.!?](?:\s|$)|\n/.exec(rest);
  return { start, end: m ? at + m.index : text.length };
}

/** The outlet part of a formatted source: "Vanity Fair video" and "Vanity Fair interview" → "Vanity Fair". */
export function sourceOrg(source: string): string {
  return source.replace(/ \(\d{4}\)$/, '').replace(new RegExp(` (?:${MEDIA})$`), '');
}
