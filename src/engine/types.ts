/**
 * The data Verbatim works on. Everything here is plain JSON-serialisable data:
 * a pack is built in Node (CLI, build step) and read in the extension.
 */

/**
 * Every kind of difference between two wordings of the same utterance, in display order: from "no change"
 * through small edits to big ones. Labels and explanations live in `compare/taxonomy.ts`.
 */
export const CHANGE_KINDS = [
  'identical',
  'typography',
  'punctuation',
  'spelling',
  'substituted',
  'omitted',
  'added',
  'bracket',
  'ellipsis',
  'truncated',
  'merged-split',
  'reworded',
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A topic signal: a term whose presence suggests the page is about the topic. */
export interface TopicSignal {
  /** The literal term as it appears in text, e.g. "Mad Men", "Don Draper", "AMC". */
  term: string;
  /** What the term names; shown in the popup's "why". */
  kind: 'title' | 'character' | 'cast' | 'creator' | 'network' | 'place' | 'other';
  /** Contribution of one occurrence before location weights. */
  weight: number;
  /** Match case exactly (e.g. "Mad Men" the show, not "mad men" the phrase). Default false. */
  caseSensitive?: boolean;
}

/** How a topic is detected; all numbers are data so another topic pack can tune them. */
export interface TopicSpec {
  /** Human name of the topic, e.g. "Mad Men". */
  name: string;
  signals: TopicSignal[];
  /** Phrases that, when present, mean a signal is used in another sense (e.g. "mad men of Madison Avenue"). */
  negatives?: { term: string; weight: number }[];
  /**
   * Frames that make a mention of the topic a passing one in a lead or body — the show named to describe
   * someone or something else: "Mad Men alum", "a Mad Men reunion" (`after`: words right after the term),
   * "since Mad Men" (`before`: right before it), "best known as Don Draper on Mad Men" (`beforeNear`: within
   * `window` words before it, same clause). Such a mention never anchors and counts `thresholds.passingWeight`
   * of its weight. Titles, headlines and URLs are read for two kinds of frame only, which describe something
   * else wherever they stand: comparisons (`likeAfter`: "Mad Men-era", "Mad Men vibe"; `likeBefore`: "straight
   * out of Mad Men", "a real-life Don Draper") and a person's name used as a type (`nameBefore`, for signals
   * of the kinds in `nameKinds`: "a Don Draper figure", "the Don Draper cut").
   */
  passing?: {
    after?: string[];
    before?: string[];
    beforeNear?: string[];
    window?: number;
    likeAfter?: string[];
    likeBefore?: string[];
    nameBefore?: string[];
    nameKinds?: string[];
  };
  /**
   * Short forms of the topic's names ("Peggy", "Don", "Hamm"): too common to be signals, but on a page whose
   * title, headline, URL or lead names the topic they show that the text after the lead keeps talking about
   * it (`thresholds.minFollowUps`). Matched case-sensitively, whole words.
   */
  shortNames?: string[];
  /** Multipliers for where a signal occurs, and the score needed for a verdict. */
  weights: Record<string, number>;
  thresholds: Record<string, number>;
}

/** What the engine needs to know about a page. `headline`/`lead` are optional; the lead is derived when absent. */
export interface PageSample {
  url: string;
  title: string;
  text: string;
  headline?: string;
  lead?: string;
}

/** Where a document of a pack came from: bundled with Verbatim, from a pack the reader imported, added by hand from the popup, or learned while reading (absent: not recorded, as in the packs `build-pack` makes). */
export const DOCUMENT_ORIGINS = ['bundled', 'imported', 'added', 'learned'] as const;
export type DocumentOrigin = (typeof DOCUMENT_ORIGINS)[number];

/** What is known about one article of the corpus (from `corpus.json`); null means unknown. */
export interface PackDocument {
  id: string;
  outlet: string;
  site: string | null;
  url: string | null;
  title: string | null;
  published: string | null;
  /** Where the document came from in the reader's corpus; absent in a pack built from a corpus folder. */
  origin?: DocumentOrigin;
  /** When the reader read (learned) or added it, ISO 8601 (a date or a full timestamp). */
  read?: string;
  /** The primary source itself (a transcript, the interview): its wording is the original. Absent = not primary. */
  primary?: boolean;
}

/** One outlet's wording of one utterance, at its position in that outlet's article text. */
export interface Variant {
  /** Document id from the manifest. */
  document: string;
  /** The outlet's exact wording, as it stands in the article. */
  text: string;
  /** UTF-16 offsets of `text` in the article text. */
  start: number;
  end: number;
  /** How this wording differs from the group's consensus. */
  change: ChangeKind[];
}

/** The same utterance (one sentence) as every outlet worded it. */
export interface QuoteGroup {
  /** Stable id, used in the DOM contract `data-verbatim-group`. */
  id: string;
  speaker: string | null;
  /** Where the words were first said, when the text states it, e.g. "Vanity Fair interview". */
  source: string | null;
  /** The wording most outlets agree on. */
  consensus: string;
  variants: Variant[];
}

export const PACK_FORMAT = 'verbatim-pack';
export const PACK_VERSION = 1;

export interface Pack {
  format: typeof PACK_FORMAT;
  version: typeof PACK_VERSION;
  /** Stable id of the pack, e.g. "mad-men". */
  id: string;
  topic: TopicSpec;
  documents: PackDocument[];
  groups: QuoteGroup[];
}
