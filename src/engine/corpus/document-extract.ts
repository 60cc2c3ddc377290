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
import { classifySpans, findQuotedSpans, type Quote } from './extract';
import { surnameKey } from './names';
import { documentUnits } from './units';
import { wordKeys } from '../normalize';
import type { TopicSpec } from '../types';

/** Bump when extraction changes: stored extracts of an older version are read again from their text. */
export const EXTRACT_VERSION = 1;

/** One quote of the article: an utterance, or a candidate the corpus may confirm as a partial quote. */
export interface ExtractedQuote {
  start: number;
  end: number;
  role: 'utterance' | 'candidate';
  /** The speaker as this article names them (a surname alone when it gives no full name). */
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
  return {
    version: EXTRACT_VERSION,
    quotes: quotes.map((q, i) => ({
      start: q.start,
      end: q.end,
      role: q.role === 'utterance' ? 'utterance' : 'candidate',
      keys: wordKeys(q.text),
      speaker: attributions[i]!.speaker,
      source: attributions[i]!.source,
    })),
    units: documentUnits(0, text, quotes).map((u, i, all) => ({
      quote: u.quote,
      sentence: u.sentence,
      start: u.start,
      end: u.end,
      text: u.text,
      lead: i > 0 && all[i - 1]!.sentence === u.sentence ? text.slice(all[i - 1]!.end, u.start) : '',
      keys: u.keys,
    })),
    names,
  };
}
