/**
 * Is this page about the topic? Weighted signals (show title, characters, cast, creator, network,
 * places) weighed by where they occur, plus corpus quote hits, minus negatives. Every number comes
 * from the pack's TopicSpec (assets/corpus/topic.json); docs/detection.md explains how they were chosen.
 */
import { countWords } from '../match/keys';
import { stripDiacritics } from '../normalize';
import type { TopicSpec } from '../types';

/** What the engine needs to know about a page. `headline`/`lead` are optional; the lead is derived when absent. */
export interface PageSample {
  url: string;
  title: string;
  text: string;
  headline?: string;
  lead?: string;
}

/** One signal that moved the score, shown in the popup as "why". */
export interface TopicSignalHit {
  term: string;
  /** Signal kind, "negative", or "quote" for corpus quote hits. */
  kind: string;
  /** title | headline | url | lead | body. */
  where: string;
  count: number;
  contribution: number;
}

export interface TopicVerdict {
  match: boolean;
  score: number;
  signals: TopicSignalHit[];
}

type Where = 'title' | 'headline' | 'url' | 'lead' | 'body';

/** Defaults only for numbers a spec may leave out; the spec's values always win. */
const DEFAULT_THRESHOLDS: Record<string, number> = {
  match: 12,
  minDistinct: 2,
  minBodyWords: 400,
  densityCap: 8,
  quoteCap: 3,
  leadWords: 60,
  gateWeight: 2.5,
  gateHintWeight: 1,
  anchorWeight: 2,
  minBodyAnchors: 2,
  minBodyAnchorHits: 3,
};

function threshold(spec: TopicSpec, name: string): number {
  return spec.thresholds[name] ?? DEFAULT_THRESHOLDS[name] ?? 0;
}

/**
 * A term as a regex source: spaces and hyphens between words match any run of either; an accented
 * letter also matches its bare form (Paré/Pare). The page text itself is never normalised — on a
 * 1 MB page that would cost more than the search.
 */
function termSource(term: string): string {
  let out = '';
  for (const ch of term.trim()) {
    if (/[\s-]/.test(ch)) {
      if (!out.endsWith('[\\s\\-]+')) out += '[\\s\\-]+';
      continue;
    }
    const bare = stripDiacritics(ch);
    const escaped = ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out += bare !== ch ? `(?:${escaped}|${bare})` : escaped;
  }
  return out;
}

/** The key a matched text is looked up by: words joined by one space (lower-cased when case-blind). */
function termKey(text: string, caseSensitive: boolean): string {
  const k = stripDiacritics(text.trim()).replace(/[\s-]+/g, ' ');
  return caseSensitive ? k : k.toLowerCase();
}

interface TermSet {
  /** One alternation per case mode, longest terms first (so "Don Draper" wins over "Draper"). */
  patterns: { re: RegExp; caseSensitive: boolean }[];
  /** termKey → index into the term list, per case mode. */
  index: [Map<string, number>, Map<string, number>];
}

function compileTerms(terms: { term: string; caseSensitive: boolean }[]): TermSet {
  const index: [Map<string, number>, Map<string, number>] = [new Map(), new Map()];
  const patterns: TermSet['patterns'] = [];
  for (const caseSensitive of [true, false]) {
    const mine = terms
      .map((t, k) => ({ ...t, k }))
      .filter((t) => t.caseSensitive === caseSensitive)
      .sort((a, b) => b.term.length - a.term.length);
    if (mine.length === 0) continue;
    for (const t of mine) index[caseSensitive ? 0 : 1].set(termKey(t.term, caseSensitive), t.k);
    const alternation = mine.map((t) => termSource(t.term)).join('|');
    // No lookbehind: tried at every position of a 1 MB page it costs more than the search; the
    // left word boundary is checked in findTerms instead.
    patterns.push({ re: new RegExp(`(?:${alternation})(?![\\p{L}\\p{N}])`, caseSensitive ? 'gu' : 'giu'), caseSensitive });
  }
  return { patterns, index };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Every occurrence of the terms in `text`: [start, end, term index]. */
function findTerms(set: TermSet, text: string): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const { re, caseSensitive } of set.patterns) {
    const table = set.index[caseSensitive ? 0 : 1];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m.index > 0 && WORD_CHAR.test(text[m.index - 1]!)) {
        re.lastIndex = m.index + 1; // inside a longer word ("Mad Mentor" is not "Mad Men"): retry further on
        continue;
      }
      const k = table.get(termKey(m[0], caseSensitive));
      if (k !== undefined) out.push([m.index, m.index + m[0].length, k]);
    }
  }
  return out;
}

/** Compiled signal and negative patterns of a spec, for page text and for URL slugs (case-blind). */
interface CompiledSpec {
  text: TermSet;
  url: TermSet;
  negatives: TermSet;
}

const compiled = new WeakMap<TopicSpec, CompiledSpec>();

function compile(spec: TopicSpec): CompiledSpec {
  let c = compiled.get(spec);
  if (!c) {
    c = {
      text: compileTerms(spec.signals.map((s) => ({ term: s.term, caseSensitive: s.caseSensitive ?? false }))),
      // URLs are lower-case slugs: case cannot tell the show from the phrase there; negatives still apply.
      url: compileTerms(spec.signals.map((s) => ({ term: s.term, caseSensitive: false }))),
      negatives: compileTerms((spec.negatives ?? []).map((n) => ({ term: n.term, caseSensitive: false }))),
    };
    compiled.set(spec, c);
  }
  return c;
}

interface Occurrence {
  start: number;
  end: number;
  signal: number;
}

/** The URL's path words: "/news/tv/elisabeth-moss-cried-mad-men-3340459" → "news tv elisabeth moss cried mad men 3340459". */
function urlWords(url: string): string {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // Not a URL (a file name, an empty string): use it as it is.
  }
  return decodeURIComponent(path).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}


/**
 * The lead: the text right after the headline (or the start of the text) up to the first line break
 * once `minWords` words are collected — byline and share buttons are short lines, the standfirst or
 * first paragraph is the first long one — and never more than `maxWords` words.
 */
export function deriveLead(text: string, headline: string | undefined, maxWords: number, minWords = 25): string {
  let from = 0;
  const h = headline?.trim();
  if (h) {
    const at = text.indexOf(h);
    if (at >= 0) from = at + h.length;
  }
  const re = /[\p{L}\p{N}]+|\n/gu;
  re.lastIndex = from;
  let words = 0;
  let end = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '\n') {
      if (words >= minWords) break;
      continue;
    }
    words++;
    end = m.index + m[0].length;
    if (words >= maxWords) break;
  }
  return text.slice(from, end).trim();
}

/**
 * Signal occurrences in one text: longest term wins where terms overlap ("Don Draper" over "Draper"),
 * and occurrences inside a negative phrase ("the real mad men of Madison Avenue") do not count.
 */
function occurrences(signals: TermSet, negatives: TermSet, negativeCount: number, text: string): { hits: Occurrence[]; negatives: number[] } {
  const negSpans = findTerms(negatives, text);
  const negCounts = new Array<number>(negativeCount).fill(0);
  for (const [, , k] of negSpans) negCounts[k]!++;
  const all = findTerms(signals, text).sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const hits: Occurrence[] = [];
  let coveredTo = -1;
  for (const [start, end, signal] of all) {
    if (start < coveredTo) continue;
    if (negSpans.some(([ns, ne]) => start < ne && ns < end)) continue;
    hits.push({ start, end, signal });
    coveredTo = end;
  }
  return { hits, negatives: negCounts };
}

/**
 * The verdict for one page. `quoteHits` is the number of corpus quote groups found on it.
 * Score = Σ signal weight × location weight (presence in title/headline/URL/lead; density per 1000
 * words in the body, capped) + quote hits × quote weight − negatives. A match needs the score and at
 * least `minDistinct` different terms (one name repeated is not a topic), and an anchor (see below).
 */
export function detectTopic(spec: TopicSpec, page: PageSample, quoteHits = 0): TopicVerdict {
  const terms = compile(spec);
  const negativeCount = spec.negatives?.length ?? 0;
  const lead = page.lead ?? deriveLead(page.text, page.headline, threshold(spec, 'leadWords'));
  const places: [Where, string][] = [
    ['title', page.title],
    ['headline', page.headline ?? ''],
    ['url', urlWords(page.url)],
    ['lead', lead],
    ['body', page.text],
  ];
  const bodyWords = Math.max(countWords(page.text), threshold(spec, 'minBodyWords'));
  const densityCap = threshold(spec, 'densityCap');
  const out: TopicSignalHit[] = [];
  const distinct = new Set<string>();
  // Anchors are the terms that name the topic itself (show title, characters, its agency): a page is
  // about the topic only if one stands somewhere prominent, or several recur in the body. Cast names
  // alone never anchor: actors have other work (reviews, awards lists, credits).
  const anchorWeight = threshold(spec, 'anchorWeight');
  let prominentAnchor = false;
  const bodyAnchors = new Set<string>();
  let bodyAnchorHits = 0;
  let score = 0;

  for (const [where, text] of places) {
    if (!text) continue;
    const { hits, negatives } = occurrences(where === 'url' ? terms.url : terms.text, terms.negatives, negativeCount, text);
    const counts = new Map<number, number>();
    for (const h of hits) counts.set(h.signal, (counts.get(h.signal) ?? 0) + 1);
    const multiplier = spec.weights[where] ?? 0;
    for (const [signal, count] of counts) {
      const s = spec.signals[signal]!;
      distinct.add(s.term);
      if (s.weight >= anchorWeight) {
        if (where === 'body') {
          bodyAnchors.add(s.term);
          bodyAnchorHits += count;
        } else prominentAnchor = true;
      }
      const amount =
        where === 'body' ? Math.min((count * 1000) / bodyWords, densityCap) : 1; // presence, not repetition
      const contribution = s.weight * multiplier * amount;
      score += contribution;
      out.push({ term: s.term, kind: s.kind, where, count, contribution: round(contribution) });
    }
    negatives.forEach((count, k) => {
      if (count === 0) return;
      const n = spec.negatives![k]!;
      const contribution = -n.weight * multiplier * count;
      score += contribution;
      out.push({ term: n.term, kind: 'negative', where, count, contribution: round(contribution) });
    });
  }

  if (quoteHits > 0) {
    const contribution = (spec.weights['quote'] ?? 0) * Math.min(quoteHits, threshold(spec, 'quoteCap'));
    score += contribution;
    out.push({ term: 'corpus quotes', kind: 'quote', where: 'body', count: quoteHits, contribution: round(contribution) });
  }

  out.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  score = round(score);
  const anchored =
    prominentAnchor ||
    (bodyAnchors.size >= threshold(spec, 'minBodyAnchors') && bodyAnchorHits >= threshold(spec, 'minBodyAnchorHits'));
  return {
    match: anchored && score >= threshold(spec, 'match') && distinct.size >= threshold(spec, 'minDistinct'),
    score,
    signals: out.filter((s) => s.contribution !== 0),
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * The few strongest terms, for the content script's cheap per-page gate (title/URL/headline/lead only).
 * Terms whose weight reaches `thresholds.gateWeight`, strongest first.
 */
export function gateTerms(spec: TopicSpec): string[] {
  const min = threshold(spec, 'gateWeight');
  return spec.signals
    .filter((s) => s.weight >= min)
    .sort((a, b) => b.weight - a.weight)
    .map((s) => s.term);
}

/**
 * Terms that hint at the topic without deciding it (cast, creator, places, minor characters):
 * weight from `thresholds.gateHintWeight` up to `gateWeight`. When the URL or title holds one of these,
 * the gate reads further (description, headline, lead) for a deciding term; when it holds neither kind,
 * the gate stops after reading only the URL and title.
 */
export function gateHints(spec: TopicSpec): string[] {
  const min = threshold(spec, 'gateHintWeight');
  const max = threshold(spec, 'gateWeight');
  return spec.signals
    .filter((s) => s.weight >= min && s.weight < max)
    .sort((a, b) => b.weight - a.weight)
    .map((s) => s.term);
}
