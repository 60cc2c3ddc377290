/**
 * Is this page about the topic? Weighted signals (show title, characters, cast, creator, network,
 * places) weighed by where they occur, plus corpus quote hits, minus negatives. Every number comes
 * from the pack's TopicSpec (assets/corpus/topic.json); docs/detection.md explains how they were chosen.
 */
import { countWords } from '../normalize';
import { compileTerms, urlWords, type TermMatcher } from './terms';
import type { PageSample, TopicSpec } from '../types';

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

/** A number of the spec's `thresholds`, or its default. */
export function threshold(spec: TopicSpec, name: string): number {
  return spec.thresholds[name] ?? DEFAULT_THRESHOLDS[name] ?? 0;
}

/** Compiled signal and negative terms of a spec. */
interface CompiledSpec {
  signals: TermMatcher;
  negatives: TermMatcher;
}

const compiled = new WeakMap<TopicSpec, CompiledSpec>();

function compile(spec: TopicSpec): CompiledSpec {
  let c = compiled.get(spec);
  if (!c) {
    c = {
      signals: compileTerms(spec.signals),
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
function occurrences(
  terms: CompiledSpec,
  negativeCount: number,
  text: string,
  ignoreCase: boolean,
): { hits: Occurrence[]; negatives: number[] } {
  // Negative phrases are common words ("the real mad men"): any case, wherever they are.
  const negSpans = terms.negatives.find(text, { ignoreCase: true });
  const negCounts = new Array<number>(negativeCount).fill(0);
  for (const { term } of negSpans) negCounts[term]!++;
  const all = terms.signals.find(text, { ignoreCase }).sort((a, b) => a.start - b.start || b.end - a.end);
  const hits: Occurrence[] = [];
  let coveredTo = -1;
  for (const { start, end, term } of all) {
    if (start < coveredTo) continue;
    if (negSpans.some((n) => start < n.end && n.start < end)) continue;
    hits.push({ start, end, signal: term });
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
    // URLs are lower-case slugs: case cannot tell the show from the phrase there; negatives still apply.
    const { hits, negatives } = occurrences(terms, negativeCount, text, where === 'url');
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
      const amount = where === 'body' ? Math.min((count * 1000) / bodyWords, densityCap) : 1; // presence, not repetition
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
    prominentAnchor || (bodyAnchors.size >= threshold(spec, 'minBodyAnchors') && bodyAnchorHits >= threshold(spec, 'minBodyAnchorHits'));
  return {
    match: anchored && score >= threshold(spec, 'match') && distinct.size >= threshold(spec, 'minDistinct'),
    score,
    signals: out.filter((s) => s.contribution !== 0),
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
