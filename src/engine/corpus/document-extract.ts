/**
 * What one article gives the corpus, read from its own text alone: its quotes (utterances, and the short
 * candidates that count only if the corpus confirms them), who said each and where, the units (quoted
 * sentences and ellipsis pieces) that get grouped, and the people it names.
 *
 * Nothing here depends on the other articles, so an article is read once — when it is learned, added or
 * built into the bundled pack — and its extract is stored with it: regrouping after a change never reads
 * an article again. Everything that does depend on the corpus (which candidates are confirmed, the
 * spelling of a name, the groups) is decided in `live-corpus.ts`.
 */
import { attributeQuotes, prepareText } from './attribute';
import { continuesQuote } from './broken-quotes';
import { classifySpans, findQuotedSpans, type Quote } from './extract';
import { surnameKey } from './names';
import { documentUnits } from './units';
import { wordKeys } from '../normalize';
import type { TopicSpec } from '../types';

/** Bump when extraction changes: stored extracts of an older version are read again from their text. */
export const EXTRACT_VERSION = 3;

/**
 * One quote of the article: an utterance, a candidate the corpus may confirm as a partial quote, or a
 * line of the show's dialogue (a character's, not an interview's: kept, never grouped with speech).
 */
export interface ExtractedQuote {
  start: number;
  end: number;
  role: 'utterance' | 'candidate' | 'dialogue';
  /** The speaker as this article names them (a surname alone when it gives no full name); for dialogue, the character. */
  speaker: string | null;
  /** Where the words were first said, when the article states it. */
  source: string | null;
  /** Normalised word keys of the quote (a candidate is confirmed by utterances' word trigrams). */
  keys: string[];
}

/** A quoted sentence, or a piece of one between ellipses: what gets grouped across outlets. */
export interface ExtractedUnit {
  /** Index into `quotes`. */
  quote: number;
  /** Sentence number within the article, shared by the pieces of one sentence. */
  sentence: number;
  start: number;
  end: number;
  /** The article's exact wording. */
  text: string;
  /** The text between the previous piece of the same sentence and this one ('' for a sentence's first piece). */
  lead: string;
  /** Normalised word keys of `text`. */
  keys: string[];
  /** Known to join two utterances the speaker said apart (from a pack, where sentence pieces are not kept). */
  merged?: boolean;
  /** The sentence this unit goes on with, when its quote was broken off by an attribution (broken-quotes.ts). */
  continues?: number;
}

export interface DocumentExtract {
  version: number;
  quotes: ExtractedQuote[];
  /** Units of every quote, candidates' included, in text order. */
  units: ExtractedUnit[];
  /** Full names of people the article names (for one spelling per person across the corpus). */
  names: string[];
}

/** People a topic pack names who may speak (cast and creators), as surname keys. */
function topicSpeakers(topic: TopicSpec | undefined): string[] {
  return (topic?.signals ?? []).filter((s) => s.kind === 'cast' || s.kind === 'creator').map((s) => surnameKey(s.term));
}

/**
 * The show's characters (the topic pack's `character` signals) by each of their names: "Don" and "Draper"
 * → "Don Draper". A name a real person of the pack also has (a cast member's) is left out: it cannot tell.
 */
function characterNames(topic: TopicSpec | undefined): Map<string, string> {
  const signals = topic?.signals ?? [];
  const people = new Set(signals.filter((s) => s.kind === 'cast' || s.kind === 'creator').flatMap((s) => s.term.split(/\s+/)));
  const out = new Map<string, string>();
  for (const s of signals.filter((x) => x.kind === 'character')) {
    for (const word of s.term.split(/\s+/)) if (!people.has(word) && !out.has(word)) out.set(word, s.term);
  }
  // A full name beats a bare surname signal ("Draper" alone names the family, "Don Draper" the man); the
  // pack's first spelling of a character wins over its variants ("Peggy Olson" over "Peggy Olsen").
  const first = new Set<string>();
  for (const s of signals.filter((x) => x.kind === 'character' && x.term.includes(' '))) {
    const word = s.term.split(/\s+/)[0]!;
    if (people.has(word) || first.has(word)) continue;
    first.add(word);
    out.set(word, s.term);
  }
  return out;
}

const NAME_WORD = /\p{Lu}[\p{L}\p{M}'’-]*/gu;

/**
 * A quote is a line of the show when the article gives it to a character ("Don tells Rachel: “…”",
 * "“…,” Peggy says"), or when the clause leading to it names a character and no real person of the pack.
 */
function characterOf(
  speaker: string | null,
  leadIn: string,
  characters: ReadonlyMap<string, string>,
  people: ReadonlySet<string>,
): string | null {
  const named = (text: string) => [...text.matchAll(NAME_WORD)].map((m) => m[0].replace(/['’]s?$/u, ''));
  if (speaker) {
    const words = speaker.split(/\s+/);
    if (words.some((w) => people.has(w))) return null;
    return characters.get(words[0]!) ?? characters.get(words[words.length - 1]!) ?? null;
  }
  const words = named(leadIn);
  if (words.some((w) => people.has(w))) return null;
  for (const w of words) if (characters.has(w)) return characters.get(w)!;
  return null;
}

/** The reporter's words leading to a quote: from the last sentence end on its line to its opening mark. */
function leadIn(narrative: string, open: number): string {
  const line = narrative.slice(narrative.lastIndexOf('\n', open - 1) + 1, open);
  const ends = [...line.matchAll(/[.!?]["\u201D\u2019)]?\s/g)];
  const last = ends[ends.length - 1];
  return last ? line.slice((last.index ?? 0) + last[0].length) : line;
}

export function extractDocument(text: string, topic?: TopicSpec): DocumentExtract {
  const spans = findQuotedSpans(text);
  const { utterances, candidates } = classifySpans(text, spans);
  const quotes: Quote[] = [
    ...utterances.map((s) => ({ ...s, text: text.slice(s.start, s.end), role: 'utterance' as const })),
    ...candidates.map((s) => ({ ...s, text: text.slice(s.start, s.end), role: 'partial' as const })),
  ].sort((a, b) => a.open - b.open);
  const prepared = prepareText(text, spans);
  const persons = new Set([...prepared.subjects.map((s) => surnameKey(s.name)), ...topicSpeakers(topic)]);
  // Surnames stay surnames here: the corpus gives them one full spelling (live-corpus.ts).
  const attributions = attributeQuotes(prepared, quotes, { persons, bySurname: new Map() });
  const names = [...new Set(prepared.fullNames.filter((n) => persons.has(surnameKey(n.name))).map((n) => n.name))];
  const characters = characterNames(topic);
  const people = new Set(
    (topic?.signals ?? []).filter((s) => s.kind === 'cast' || s.kind === 'creator').flatMap((s) => s.term.split(/\s+/)),
  );
  return {
    version: EXTRACT_VERSION,
    quotes: quotes.map((q, i) => {
      const speaker = attributions[i]!.speaker;
      const character = characters.size > 0 ? characterOf(speaker, leadIn(prepared.narrative, q.open), characters, people) : null;
      return {
        start: q.start,
        end: q.end,
        role: character ? 'dialogue' : q.role === 'utterance' ? 'utterance' : 'candidate',
        keys: wordKeys(q.text),
        speaker: character ?? speaker,
        source: character ? null : attributions[i]!.source,
      };
    }),
    units: extractUnits(text, quotes),
    names,
  };
}

function extractUnits(text: string, quotes: readonly Quote[]): ExtractedUnit[] {
  const out: ExtractedUnit[] = [];
  for (const u of documentUnits(0, text, quotes)) {
    const prev = out[out.length - 1];
    const unit: ExtractedUnit = {
      quote: u.quote,
      sentence: u.sentence,
      start: u.start,
      end: u.end,
      text: u.text,
      lead: prev && prev.sentence === u.sentence ? text.slice(prev.end, u.start) : '',
      keys: u.keys,
    };
    if (prev && prev.quote === u.quote - 1 && continuesQuote(text, quotes[prev.quote]!, quotes[u.quote]!))
      unit.continues = prev.continues ?? prev.sentence;
    out.push(unit);
  }
  return out;
}
