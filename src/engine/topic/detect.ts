/**
 * Is this page about the topic? Weighted signals (show title, characters, cast, creator, network,
 * places) weighed by where they occur, plus corpus quote hits, minus negatives. Every number comes
 * from the pack's TopicSpec (assets/corpus/topic.json); docs/detection.md explains how they were chosen.
 */
import { countWords } from '../normalize';
import { compileTerms, foldTerms, urlWords, type TermMatcher } from './terms';
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
  passingWeight: 0.25,
  minBodyAnchorSpread: 0,
};

/** A number of the spec's `thresholds`, or its default. */
export function threshold(spec: TopicSpec, name: string): number {
  return spec.thresholds[name] ?? DEFAULT_THRESHOLDS[name] ?? 0;
}

/** Compiled signal and negative terms of a spec. */
interface CompiledSpec {
  signals: TermMatcher;
  negatives: TermMatcher;
  passing: PassingFrames | null;
}

/** TopicSpec.passing as patterns over the folded text around a term. */
interface PassingFrames {
  /** Right after the term: "Mad Men alum", "Mad Men's reunion". */
  after: RegExp | null;
  /** Right before it: "since Mad Men". */
  before: RegExp | null;
  /** Within `window` words before it, in the same clause: "best known as Don Draper on Mad Men". */
  beforeNear: RegExp | null;
  window: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s\\-\u2010-\u2015]+');
const alternatives = (list: string[] | undefined) => (list && list.length > 0 ? list.map(escape).join('|') : null);

function compilePassing(spec: TopicSpec): PassingFrames | null {
  const p = spec.passing;
  if (!p) return null;
  const after = alternatives(p.after);
  const before = alternatives(p.before);
  const near = alternatives(p.beforeNear);
  return {
    after: after ? new RegExp(`^(?:['\u2019]s)?[\\s\\-\u2010-\u2015]+(?:${after})(?![\\p{L}\\p{N}])`, 'iu') : null,
    before: before ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${before})[\\s\\-\u2010-\u2015]+$`, 'iu') : null,
    beforeNear: near ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${near})(?![\\p{L}\\p{N}])`, 'giu') : null,
    window: p.window ?? 6,
  };
}

/** Whether the term at [start, end) of the folded text stands in a passing frame. */
function inPassingFrame(frames: PassingFrames, folded: string, start: number, end: number): boolean {
  if (frames.after?.test(folded.slice(end, end + 40))) return true;
  const before = folded.slice(Math.max(0, start - 160), start);
  if (frames.before?.test(before)) return true;
  if (!frames.beforeNear) return false;
  // Same clause: nothing after a sentence stop, semicolon or colon before the term counts.
  const clause = before.slice(
    Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('!'), before.lastIndexOf('?')) +
      1,
  );
  frames.beforeNear.lastIndex = 0;
  for (const m of clause.matchAll(frames.beforeNear)) {
    const between = clause.slice(m.index + m[0].length).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    if (between <= frames.window) return true;
  }
  return false;
}

const compiled = new WeakMap<TopicSpec, CompiledSpec>();

function compile(spec: TopicSpec): CompiledSpec {
  let c = compiled.get(spec);
  if (!c) {
    c = {
      signals: compileTerms(spec.signals),
      negatives: compileTerms((spec.negatives ?? []).map((n) => ({ term: n.term, caseSensitive: false }))),
      passing: compilePassing(spec),
    };
    compiled.set(spec, c);
  }
  return c;
}

interface Occurrence {
  start: number;
  end: number;
  signal: number;
  /** In a passing frame (TopicSpec.passing): never an anchor, counts `passingWeight` of its weight. */
  passing: boolean;
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
  readPassing: boolean,
): { hits: Occurrence[]; negatives: number[] } {
  // Negative phrases are common words ("the real mad men"): any case, wherever they are.
  const negSpans = terms.negatives.find(text, { ignoreCase: true });
  const negCounts = new Array<number>(negativeCount).fill(0);
  for (const { term } of negSpans) negCounts[term]!++;
  const all = terms.signals.find(text, { ignoreCase }).sort((a, b) => a.start - b.start || b.end - a.end);
  const hits: Occurrence[] = [];
  let coveredTo = -1;
  let folded: string | null = null;
  for (const { start, end, term } of all) {
    if (start < coveredTo) continue;
    if (negSpans.some((n) => start < n.end && n.start < end)) continue;
    const frames = readPassing ? terms.passing : null;
    const passing = frames !== null && inPassingFrame(frames, (folded ??= foldTerms(text)), start, end);
    hits.push({ start, end, signal: term, passing });
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
  let bodyAnchorFirst = Infinity;
  let bodyAnchorLast = -Infinity;
  const passingWeight = threshold(spec, 'passingWeight');
  let score = 0;

  for (const [where, text] of places) {
    if (!text) continue;
    // URLs are lower-case slugs: case cannot tell the show from the phrase there; negatives still apply.
    // Passing frames are read in the lead and body only: what a title, headline or URL names, the page is about.
    const readPassing = where === 'lead' || where === 'body';
    const { hits, negatives } = occurrences(terms, negativeCount, text, where === 'url', readPassing);
    const counts = new Map<number, { count: number; passing: number }>();
    for (const h of hits) {
      const c = counts.get(h.signal) ?? { count: 0, passing: 0 };
      c.count++;
      if (h.passing) c.passing++;
      counts.set(h.signal, c);
      const s = spec.signals[h.signal]!;
      if (where === 'body' && !h.passing && s.weight >= anchorWeight) {
        bodyAnchorFirst = Math.min(bodyAnchorFirst, h.start);
        bodyAnchorLast = Math.max(bodyAnchorLast, h.end);
      }
    }
    const multiplier = spec.weights[where] ?? 0;
    for (const [signal, { count, passing }] of counts) {
      const s = spec.signals[signal]!;
      distinct.add(s.term);
      const standing = count - passing;
      if (s.weight >= anchorWeight && standing > 0) {
        if (where === 'body') {
          bodyAnchors.add(s.term);
          bodyAnchorHits += standing;
        } else prominentAnchor = true;
      }
      // A passing mention counts a fraction of an occurrence.
      const weighted = standing + passing * passingWeight;
      const amount = where === 'body' ? Math.min((weighted * 1000) / bodyWords, densityCap) : Math.min(weighted, 1); // presence, not repetition
      const contribution = s.weight * multiplier * amount;
      score += contribution;
      out.push({ term: s.term, kind: passing === count ? 'passing' : s.kind, where, count, contribution: round(contribution) });
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
  // Anchors recurring in the body anchor the page only when they are spread over it, not all in one entry
  // of a list about other things (tests/fixtures/pages/tv-dramas-list.html).
  const spread = page.text.length > 0 ? (bodyAnchorLast - bodyAnchorFirst) / page.text.length : 0;
  const anchored =
    prominentAnchor ||
    (bodyAnchors.size >= threshold(spec, 'minBodyAnchors') &&
      bodyAnchorHits >= threshold(spec, 'minBodyAnchorHits') &&
      spread >= threshold(spec, 'minBodyAnchorSpread'));
  return {
    match: anchored && score >= threshold(spec, 'match') && distinct.size >= threshold(spec, 'minDistinct'),
    score,
    signals: out.filter((s) => s.contribution !== 0),
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
