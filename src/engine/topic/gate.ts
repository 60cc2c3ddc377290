/**
 * The cheap first decision: may this page be about the topic? Pure, run by the background on what the
 * browser already tells it about a tab (URL and title), and on a short sample of the page when the URL or
 * title only hints at the topic. Pages get no script at all until this says yes (docs/decisions.md).
 */
import { threshold } from './detect';
import { compileTerms, urlWords, type TermMatcher } from './terms';
import type { TopicSignal, TopicSpec } from '../types';

/** How much page text the second look reads at most: enough for a headline, standfirst and lead. */
export const GATE_SAMPLE_CHARS = 6000;

/** A topic's gate, compiled once: `terms` decide; `hints` only make the gate look at the page itself. */
export interface Gate {
  terms: TermMatcher;
  hints: TermMatcher;
}

/**
 * `topic`: a deciding term is in the URL or title. `look-closer`: only a hint is (someone from the show);
 * the page's headline and lead decide. `no`: neither, and the page is left alone.
 */
export type HeadVerdict = 'topic' | 'look-closer' | 'no';

/**
 * The few strongest terms, for the gate (URL, title and a hint page's lead).
 * Terms whose weight reaches `thresholds.gateWeight`, strongest first.
 */
export function gateTerms(spec: TopicSpec): TopicSignal[] {
  const min = threshold(spec, 'gateWeight');
  return spec.signals.filter((s) => s.weight >= min).sort((a, b) => b.weight - a.weight);
}

/**
 * Terms that hint at the topic without deciding it (cast, creator, places, minor characters):
 * weight from `thresholds.gateHintWeight` up to `gateWeight`. When the URL or title holds one of these,
 * the gate reads further (description, headline, lead) for a deciding term; when it holds neither kind,
 * the gate stops after reading only the URL and title.
 */
export function gateHints(spec: TopicSpec): TopicSignal[] {
  const min = threshold(spec, 'gateHintWeight');
  const max = threshold(spec, 'gateWeight');
  return spec.signals.filter((s) => s.weight >= min && s.weight < max).sort((a, b) => b.weight - a.weight);
}

export function compileGate(spec: TopicSpec): Gate {
  return { terms: compileTerms(gateTerms(spec)), hints: compileTerms(gateHints(spec)) };
}

/** What the URL and title alone say. */
export function judgeHead(gate: Gate, url: string, title: string): HeadVerdict {
  const path = urlWords(url);
  const has = (m: TermMatcher) => m.test(path, { ignoreCase: true }) || m.test(title);
  if (has(gate.terms)) return 'topic';
  return has(gate.hints) ? 'look-closer' : 'no';
}

/** The second look, on a hint page: does its description, headline or lead hold a deciding term? */
export function judgeSample(gate: Gate, sample: string): boolean {
  return gate.terms.test(sample.slice(0, GATE_SAMPLE_CHARS * 2));
}
