/**
 * Is this page about the topic? Weighted signals (show title, characters, cast, creator, network,
 * places) weighed by where they occur, plus corpus quote hits, minus negatives. Every number comes
 * from the pack's TopicSpec (assets/corpus/topic.json); docs/detection.md explains how they were chosen.
 */
import { countWords } from '../normalize';
import { compilePassing, inPassingFrame, joinedToPrevious, type PassingFrames } from './passing';
import { deriveLead, textAfterLead } from './lead';
import { compileTerms, foldTerms, urlWords, type TermMatcher } from './terms';

export { deriveLead } from './lead';
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
  minFollowUps: 0,
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
  shortNames: TermMatcher;
}

const compiled = new WeakMap<TopicSpec, CompiledSpec>();

function compile(spec: TopicSpec): CompiledSpec {
  let c = compiled.get(spec);
  if (!c) {
    c = {
      signals: compileTerms(spec.signals),
      shortNames: compileTerms((spec.shortNames ?? []).map((term) => ({ term, caseSensitive: true }))),
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
 * Signal occurrences in one text: longest term wins where terms overlap ("Don Draper" over "Draper"),
 * and occurrences inside a negative phrase ("the real mad men of Madison Avenue") do not count.
 */
function occurrences(
  spec: TopicSpec,
  terms: CompiledSpec,
  text: string,
  ignoreCase: boolean,
  allFrames: boolean,
): { hits: Occurrence[]; negatives: number[] } {
  // Negative phrases are common words ("the real mad men"): any case, wherever they are.
  const negSpans = terms.negatives.find(text, { ignoreCase: true });
  const negCounts = new Array<number>(spec.negatives?.length ?? 0).fill(0);
  for (const { term } of negSpans) negCounts[term]!++;
  const all = terms.signals.find(text, { ignoreCase }).sort((a, b) => a.start - b.start || b.end - a.end);
  const hits: Occurrence[] = [];
  const frames = terms.passing;
  let coveredTo = -1;
  let folded: string | null = null;
  for (const { start, end, term } of all) {
    if (start < coveredTo) continue;
    if (negSpans.some((n) => start < n.end && n.start < end)) continue;
    let passing = false;
    if (frames) {
      folded ??= foldTerms(text);
      const previous = hits[hits.length - 1];
      passing =
        (previous?.passing === true && joinedToPrevious(folded, previous.end, start)) ||
        inPassingFrame(frames, folded, start, end, { allFrames, kind: spec.signals[term]!.kind });
    }
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
  // An anchor up front names the topic; the page is about it only if the text after the lead names it again.
  const restFrom = textAfterLead(page.text, page.headline, lead);
  let followUps = 0;
  const bodyAnchors = new Set<string>();
  let bodyAnchorHits = 0;
  let bodyAnchorFirst = Infinity;
  let bodyAnchorLast = -Infinity;
  const passingWeight = threshold(spec, 'passingWeight');
  let score = 0;

  for (const [where, text] of places) {
    if (!text) continue;
    // URLs are lower-case slugs: case cannot tell the show from the phrase there; negatives still apply.
    // Every passing frame is read in the lead and body; a title, headline or URL is what the page is about,
    // unless it names the topic only to compare ("a Mad Men-era bar") or as a type ("a real-life Don Draper").
    const allFrames = where === 'lead' || where === 'body';
    const { hits, negatives } = occurrences(spec, terms, text, where === 'url', allFrames);
    const counts = new Map<number, { count: number; passing: number }>();
    for (const h of hits) {
      const c = counts.get(h.signal) ?? { count: 0, passing: 0 };
      c.count++;
      if (h.passing) c.passing++;
      counts.set(h.signal, c);
      const s = spec.signals[h.signal]!;
      if (where === 'body' && !h.passing && h.start >= restFrom) followUps++;
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
    // A corpus quote on the page is the topic talked about too: an interview write-up whose body is the
    // speaker's words and "she said" names the show only up front (tests/support/continued-quotes.ts).
    (prominentAnchor && (restFrom < 0 || followedUp(spec, terms, page.text, restFrom, followUps + quoteHits))) ||
    (bodyAnchors.size >= threshold(spec, 'minBodyAnchors') &&
      bodyAnchorHits >= threshold(spec, 'minBodyAnchorHits') &&
      spread >= threshold(spec, 'minBodyAnchorSpread'));
  return {
    match: anchored && score >= threshold(spec, 'match') && distinct.size >= threshold(spec, 'minDistinct'),
    score,
    signals: out.filter((s) => s.contribution !== 0),
  };
}

/**
 * Whether the text after the lead names the topic again: signals outside passing frames, and the short
 * names a page about the topic keeps using once it has named it ("Peggy", "Don"; TopicSpec.shortNames).
 */
function followedUp(spec: TopicSpec, terms: CompiledSpec, text: string, restFrom: number, signalHits: number): boolean {
  const needed = threshold(spec, 'minFollowUps');
  if (signalHits >= needed) return true;
  return signalHits + terms.shortNames.find(text.slice(restFrom)).length >= needed;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
