/**
 * Finds every corpus quote on a page, however it is worded: seed (seeds.ts) → align (align.ts) →
 * gate → pick non-overlapping spans. Precision first: a missed quote is better than a wrong highlight,
 * so every accepted span must carry several aligned content words, rare ones among them.
 * See docs/matching.md for the thresholds and the cases that set them.
 */
import { alignLocal, type Alignment } from './align';
import { refLength, type PackIndex } from './pack-index';
import { outletChange } from '../compare/outlet-change';
import { findCandidates, pageTokens, type PageTokens } from './seeds';
import type { ChangeKind } from '../types';
import { isSpeechVerb } from '../speech';

/** One corpus outlet's wording of the matched quote, and how it differs from this page's wording. */
export interface OutletWording {
  document: string;
  outlet: string;
  text: string;
  /** classifyChange(pageWording, outletWording): how the outlet differs from this page. */
  change: ChangeKind[];
}

export interface QuoteMatch {
  /** UTF-16 offsets into the page text; `text === pageText.slice(start, end)` unless the quote has `parts`. */
  start: number;
  end: number;
  /**
   * Only when the page interrupts the quote with a block of other text (an inline ad, a caption's
   * timestamp): the pieces that are the quote, in page order, from `start` to `end`; `text` is their
   * wordings joined by a space. Only these are highlighted.
   */
  parts?: { start: number; end: number }[];
  /** The page's own wording of the matched span (no surrounding quote marks or space). */
  text: string;
  /** QuoteGroup id. */
  group: string;
  speaker: string | null;
  /** Closeness of the aligned words, 0–1 (1 = same words in the same order). */
  similarity: number;
  /** Long and close enough to be shown even on a page that is not about the topic. */
  strong: boolean;
  outlets: OutletWording[];
}

/** Gates a candidate alignment must pass. Numbers chosen on the fixtures; see docs/matching.md. */
export interface MatchThresholds {
  /** Aligned words (exact + soft) at least. */
  minWords: number;
  /** Aligned content (non-stopword) words at least… */
  minContent: number;
  /** …or this many, when at least `longWords` words aligned at `longSimilarity` (12 words in order are no accident). */
  minContentLong: number;
  longSimilarity: number;
  /** Aligned content words that few groups of the pack use, at least. */
  minRare: number;
  minSimilarity: number;
  /** Share of the ref's words inside the aligned span, unless `longWords` words aligned. */
  minCoverage: number;
  longWords: number;
}

export const NORMAL: MatchThresholds = {
  minWords: 6,
  minContent: 3,
  minContentLong: 2,
  longSimilarity: 0.8,
  minRare: 1,
  minSimilarity: 0.6,
  minCoverage: 0.5,
  longWords: 12,
};

/** Shown on pages that are not about the topic: long, close quotes only. */
export const STRONG: MatchThresholds = {
  minWords: 10,
  minContent: 4,
  minContentLong: 4,
  longSimilarity: 0.9,
  minRare: 2,
  minSimilarity: 0.8,
  minCoverage: 0.6,
  longWords: 16,
};

/**
 * A complete corpus sentence of this many words, word for word, is shown on any page, however common its
 * words: "None of that was in the script and he did it on my close-up." has three content words, too few for
 * STRONG, but fourteen words verbatim are the quote (a ranked list quoting it: tests/fixtures/pages/tv-dramas-list.html).
 */
export const STRONG_WHOLE_WORDS = 10;

/**
 * Short sentences ("That right there is real.", 5 words) cannot pass NORMAL alone — their words are
 * too common — but are accepted whole and near-exact when they sit right next to an accepted quote.
 */
export const CONTEXT = { minWords: 4, minContent: 1, minSimilarity: 0.9, maxDistance: 3 };

/**
 * A whole sentence of 7+ words, every word exact, with a word rare in the pack ("Like, that right
 * there is the real Jon.") is accepted on its own even with only two content words: a complete
 * corpus sentence verbatim is the quote, not a coincidence of common words.
 */
export const WHOLE = { minWords: 7, minContent: 2, minRare: 1 };

/**
 * A whole sentence of 7+ words reworded in a few places is still the sentence: spun and back-translated
 * copies swap one or two words ("Like, that right there is the genuine Jon.", "I don't believe it fits me
 * anymore, but I have it.", "I had a very close connection with Jon"). Accepted when the page's sentence
 * has the corpus sentence's length (one word more at most), every other word in order and exact, at most
 * `maxChanged` words changed (a synonym, a respelling or tense, or — once — another word or a word missing),
 * with WHOLE's content and rare words and a similarity of `minSimilarity`.
 */
export const NEAR_WHOLE = {
  minWords: 7,
  maxChangedShare: 0.25,
  minChanged: 2,
  maxMissing: 1,
  minContent: 2,
  minRare: 1,
  minSimilarity: 0.75,
};

/**
 * 12+ exact words in order are never an accident even when all but one are function words: "And so it
 * indicated a point to the both of us when we did this scene" (a spun copy) keeps one content word.
 */
export const LONG_EXACT = { minExact: 12, minContent: 1, minSimilarity: 0.8, minRare: 1 };

/**
 * A short corpus quote standing alone — a headline, a bullet, a caption, a pull quote — is too short and
 * common-worded for NORMAL, but it is the quote when the page says so: at least `minWords` words, word for
 * word (after normalisation), with a content word; the whole sentence, or a prefix or suffix of it cut at a
 * clause boundary (RefTable.cut: "None of that was in the script | and he…"); and either inside quotation
 * marks that hold exactly these words, or next to an attribution ("…, Moss said", "she told Vanity Fair:").
 * "The only costume I have" (cut mid-clause), “can I speak to the manager” (more words inside the marks)
 * and scare quotes of two or three words never pass (tests/fixtures/pages/scare-quotes.html).
 */
export const QUOTED = { minWords: 4, minContent: 1, attributionWords: 5 };

export interface MatchOptions {
  /** Keep only strong matches (used for pages that are not about the topic). */
  strongOnly?: boolean;
  /**
   * Documents that are this page (it was learned or added): a wording only they have is no evidence, and
   * they are not listed among the outlets. Without it a learned page would mark all it quotes.
   */
  notFrom?: ReadonlySet<string>;
}

interface Scored {
  ref: number;
  al: Alignment;
  similarity: number;
  /** Passes NORMAL, WHOLE or QUOTED: kept on a topic page on its own. */
  normal: boolean;
  strong: boolean;
  context: boolean;
}

function passes(al: Alignment, similarity: number, refLength: number, t: MatchThresholds): boolean {
  const words = al.exact + al.soft + al.syn;
  const coverage = (al.refEnd - al.refStart) / refLength;
  const enoughContent =
    al.content >= t.minContent || (al.content >= t.minContentLong && words >= t.longWords && similarity >= t.longSimilarity);
  return (
    words >= t.minWords &&
    enoughContent &&
    al.rare >= t.minRare &&
    similarity >= t.minSimilarity &&
    (coverage >= t.minCoverage || words >= t.longWords)
  );
}

/** Opening marks a quotation may start with, closing marks it may end with (after its own full stop or comma). */
const OPENS = /[\u201C"\u2018'\u00AB\u201E\u201A\u2039](?:\.\.\.|\u2026)?\s?$/;
const CLOSES = /^[.,!?;:\u2026]*[\u201D"\u2019'\u00BB\u203A]/;

/** Quotation marks right around the page words [from, to): the marks hold exactly these words. */
function delimited(text: string, page: PageTokens, from: number, to: number): boolean {
  const start = page.start[from]!;
  const end = page.end[to - 1]!;
  return OPENS.test(text.slice(Math.max(0, start - 5), start)) && CLOSES.test(text.slice(end, end + 5));
}

/** A speech verb among the page words [from, to), which lie on the same line. */
function speechVerbIn(text: string, page: PageTokens, from: number, to: number): boolean {
  for (let k = Math.max(0, from); k < Math.min(page.length, to); k++) {
    if (k > from && page.brk[k]) return false;
    if (isSpeechVerb(text.slice(page.start[k]!, page.end[k]!).toLowerCase())) return true;
  }
  return false;
}

/**
 * An attribution next to the page words [from, to): "…real, Moss said." (a comma or stop, then a speech
 * verb within a few words) or "Moss told Vanity Fair: It all…" (a speech verb a few words before a colon
 * or comma). Same line only.
 */
function attributed(text: string, page: PageTokens, from: number, to: number): boolean {
  const n = QUOTED.attributionWords;
  if (to < page.length && !page.brk[to] && /[,.]/.test(text.slice(page.end[to - 1]!, page.start[to]!)))
    if (speechVerbIn(text, page, to, to + n)) return true;
  if (from > 0 && !page.brk[from] && /[:,]/.test(text.slice(page.end[from - 1]!, page.start[from]!))) {
    let first = from - n;
    for (let k = from - 1; k > from - n && k > 0; k--) if (page.brk[k]) first = k;
    if (speechVerbIn(text, page, Math.max(0, first), from)) return true;
  }
  return false;
}

/** QUOTED: a short quote standing alone, word for word, that the page marks as a quote. */
function quotedAlone(index: PackIndex, page: PageTokens, text: string, ref: number, al: Alignment): boolean {
  const words = al.pageEnd - al.pageStart;
  if (al.skipped.length > 0 || words < QUOTED.minWords || al.exact !== words || al.refEnd - al.refStart !== words) return false;
  if (al.content < QUOTED.minContent) return false;
  const { refs } = index;
  const base = refs.start[ref]!;
  const m = refLength(refs, ref);
  const cleanStart = al.refStart === 0 || refs.cut[base + al.refStart] === 1;
  const cleanEnd = al.refEnd === m || refs.cut[base + al.refEnd] === 1;
  if (!cleanStart || !cleanEnd) return false;
  return delimited(text, page, al.pageStart, al.pageEnd) || attributed(text, page, al.pageStart, al.pageEnd);
}

function score(index: PackIndex, page: PageTokens, text: string, ref: number, lo: number, hi: number): Scored | null {
  const al = alignLocal(page, lo, hi, index.refs, ref);
  if (!al) return null;
  const pageLen = al.pageEnd - al.pageStart - al.skippedWords;
  const refLen = al.refEnd - al.refStart;
  const similarity = (2 * (al.exact + 0.8 * al.soft + SYN_WEIGHT * al.syn)) / (pageLen + refLen);
  const m = refLength(index.refs, ref);
  const whole =
    al.refStart === 0 &&
    al.refEnd === m &&
    al.exact === m &&
    al.pageEnd - al.pageStart === m &&
    m >= WHOLE.minWords &&
    al.content >= WHOLE.minContent &&
    al.rare >= WHOLE.minRare;
  const aligned = al.exact + al.soft + al.syn;
  const changed = m - al.exact;
  const nearWhole =
    m >= NEAR_WHOLE.minWords &&
    al.skipped.length === 0 &&
    pageLen >= m - 1 &&
    pageLen <= m + 1 &&
    m - aligned <= NEAR_WHOLE.maxMissing &&
    // A word replaced outright must sit inside the sentence, between aligned words: a sentence that ends
    // differently is another sentence ("I had a very close relationship with him", another actress in
    // tests/fixtures/pages/similar-story.html, against Moss's "…with Jon").
    (m === aligned || (al.refStart === 0 && al.refEnd === m)) &&
    changed <= Math.max(NEAR_WHOLE.minChanged, Math.floor(m * NEAR_WHOLE.maxChangedShare)) &&
    al.content >= NEAR_WHOLE.minContent &&
    al.rare >= NEAR_WHOLE.minRare &&
    similarity >= NEAR_WHOLE.minSimilarity;
  const longExact =
    al.exact >= LONG_EXACT.minExact &&
    al.content >= LONG_EXACT.minContent &&
    al.rare >= LONG_EXACT.minRare &&
    similarity >= LONG_EXACT.minSimilarity;
  const normal = whole || nearWhole || longExact || passes(al, similarity, m, NORMAL) || quotedAlone(index, page, text, ref, al);
  const context =
    !normal &&
    al.skipped.length === 0 &&
    al.refStart === 0 &&
    al.refEnd === m &&
    al.exact + al.soft + al.syn >= CONTEXT.minWords &&
    al.content >= CONTEXT.minContent &&
    similarity >= CONTEXT.minSimilarity;
  if (!normal && !context) return null;
  return {
    ref,
    al,
    similarity,
    normal,
    strong: normal && (passes(al, similarity, m, STRONG) || (whole && m >= STRONG_WHOLE_WORDS)),
    context,
  };
}

/** What a synonym counts for in similarity (an exact word 1, a respelling or tense change 0.8). */
const SYN_WEIGHT = 0.6;

/** Fewer page words than this left beside an alignment cannot hold another copy of the quote. */
const MIN_REMAINDER = 3;

/**
 * Aligns `ref` in the window, then again in what is left on either side of the alignment: a page
 * can carry the same quote twice close together (a pull quote repeating the body, two outlets quoted
 * side by side), and both copies fall in one seed cluster. Each pass shrinks the window, so the work
 * stays bounded by the window times the number of copies.
 */
function scoreWindow(index: PackIndex, page: PageTokens, text: string, ref: number, lo: number, hi: number, out: Scored[]): void {
  if (hi - lo < MIN_REMAINDER) return;
  const s = score(index, page, text, ref, lo, hi);
  if (!s) return;
  out.push(s);
  scoreWindow(index, page, text, ref, lo, s.al.pageStart, out);
  scoreWindow(index, page, text, ref, s.al.pageEnd, hi, out);
}

function overlaps(a: Alignment, taken: Alignment[]): boolean {
  return taken.some((b) => a.pageStart < b.pageEnd && b.pageStart < a.pageEnd);
}

function near(a: Alignment, taken: Alignment[], distance: number): boolean {
  return taken.some((b) => a.pageStart - b.pageEnd <= distance && b.pageStart - a.pageEnd <= distance);
}

const SENTENCE_END = /^[.!?\u2026]+/;

function toMatch(index: PackIndex, page: PageTokens, text: string, s: Scored, notFrom: ReadonlySet<string>): QuoteMatch {
  const group = index.pack.groups[index.refs.group[s.ref]!]!;
  // Pieces of page words around what the alignment skipped (usually one piece: the whole span).
  const pieces: { start: number; end: number }[] = [];
  let from = s.al.pageStart;
  for (const [a, b] of [...s.al.skipped, [s.al.pageEnd, s.al.pageEnd] as [number, number]]) {
    if (a > from) pieces.push({ start: page.start[from]!, end: page.end[a - 1]! });
    from = b;
  }
  const last = pieces[pieces.length - 1]!;
  // A quote that reaches the end of its sentence keeps the full stop, as the outlets' wordings do.
  if (s.al.refEnd === refLength(index.refs, s.ref)) last.end += SENTENCE_END.exec(text.slice(last.end, last.end + 3))?.[0].length ?? 0;
  const start = pieces[0]!.start;
  const end = last.end;
  const wording = pieces.map((p) => text.slice(p.start, p.end)).join(' ');
  return {
    start,
    end,
    ...(pieces.length > 1 ? { parts: pieces } : {}),
    text: wording,
    group: group.id,
    speaker: group.speaker,
    similarity: Math.round(s.similarity * 1000) / 1000,
    strong: s.strong,
    outlets: group.variants
      .filter((v) => !notFrom.has(v.document))
      .map((v) => ({
        document: v.document,
        outlet: index.outlets.get(v.document) ?? v.document,
        text: v.text,
        change: outletChange(wording, v.text),
      })),
  };
}

/**
 * Every corpus quote on the page, sorted by start, non-overlapping.
 * Linear in the page: one scan for seeds, bounded alignment work per candidate window.
 */
export function matchQuotes(index: PackIndex, pageText: string, options: MatchOptions = {}): QuoteMatch[] {
  const page = pageTokens(index, pageText);
  const scored: Scored[] = [];
  const own = ownRefs(index, options.notFrom);
  for (const c of findCandidates(index, page)) if (!own(c.ref)) scoreWindow(index, page, pageText, c.ref, c.lo, c.hi, scored);
  // Best first: highest alignment score, then closest; overlapping weaker spans are dropped.
  scored.sort((a, b) => b.al.score - a.al.score || b.similarity - a.similarity);
  const taken: Scored[] = [];
  const spans: Alignment[] = [];
  for (const s of scored) {
    if (!s.normal || overlaps(s.al, spans)) continue;
    taken.push(s);
    spans.push(s.al);
  }
  // Short sentences only next to an accepted quote (see CONTEXT); repeat so a run of them chains.
  let added = true;
  while (added) {
    added = false;
    for (const s of scored) {
      if (!s.context || overlaps(s.al, spans) || !near(s.al, spans, CONTEXT.maxDistance)) continue;
      taken.push(s);
      spans.push(s.al);
      added = true;
    }
  }
  const kept = options.strongOnly ? taken.filter((s) => s.strong) : taken;
  const notFrom = options.notFrom ?? new Set<string>();
  return kept.map((s) => toMatch(index, page, pageText, s, notFrom)).sort((a, b) => a.start - b.start);
}

/** Whether ref r is worded so by one of `notFrom` only (the page itself). */
function ownRefs(index: PackIndex, notFrom: ReadonlySet<string> | undefined): (r: number) => boolean {
  const sole = index.refs.sole;
  if (!notFrom || notFrom.size === 0 || !sole) return () => false;
  const own = new Set<number>();
  index.pack.documents.forEach((d, i) => notFrom.has(d.id) && own.add(i));
  return (r) => own.has(sole[r]!);
}
