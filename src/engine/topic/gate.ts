/**
 * The cheap first decision: may this page be about the topic? Pure, run by the background on what the
 * browser already tells it about a tab (URL and title), and on a short sample of the page when the URL or
 * title only hints at the topic. Pages get no script at all until this says yes (docs/decisions.md).
 */
import { gateHints, gateTerms } from './detect';
import type { TopicSpec } from '../types';

/** How much page text the second look reads at most: enough for a headline, standfirst and lead. */
export const GATE_SAMPLE_CHARS = 6000;

export type TermMatcher = (text: string) => boolean;

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

/** A word character for `\b` purposes (as in a non-unicode JS regex). */
function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || (code >= 65 && code <= 90);
}

/** Characters allowed between the words of a term: whitespace, no-break space, hyphen, underscore, slash. */
function isSeparator(code: number): boolean {
  return code === 32 || code === 160 || code === 45 || code === 95 || code === 47 || (code >= 9 && code <= 13);
}

function matchesAt(s: string, at: number, words: readonly string[]): boolean {
  if (at > 0 && isWordChar(s.charCodeAt(at - 1))) return false;
  let end = at + words[0]!.length;
  for (let w = 1; w < words.length; w++) {
    const gap = end;
    while (end < s.length && isSeparator(s.charCodeAt(end))) end++;
    if (end === gap || !s.startsWith(words[w]!, end)) return false;
    end += words[w]!.length;
  }
  return end >= s.length || !isWordChar(s.charCodeAt(end));
}

/**
 * A case-insensitive test for any of `terms`, as whole words; between a term's words any run of spaces,
 * hyphens, underscores or slashes matches, so "mad-men" in a URL does. Terms are data (a topic pack), so
 * they are compared as text, never compiled into a RegExp.
 */
export function gateMatcher(terms: readonly string[]): TermMatcher {
  const list = terms.map((t) => t.trim().toLowerCase().split(/\s+/).filter(Boolean)).filter((w) => w.length > 0);
  return (text: string) => {
    const s = text.toLowerCase();
    return list.some((words) => {
      for (let at = s.indexOf(words[0]!); at !== -1; at = s.indexOf(words[0]!, at + 1)) if (matchesAt(s, at, words)) return true;
      return false;
    });
  };
}

export function compileGate(spec: TopicSpec): Gate {
  return { terms: gateMatcher(gateTerms(spec)), hints: gateMatcher(gateHints(spec)) };
}

/** The URL as a reader would type it ("mad%20men" → "mad men"); separators are left for the matcher. */
function readableUrl(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** What the URL and title alone say. */
export function judgeHead(gate: Gate, url: string, title: string): HeadVerdict {
  const head = `${readableUrl(url)} ${title}`;
  if (gate.terms(head)) return 'topic';
  return gate.hints(head) ? 'look-closer' : 'no';
}

/** The second look, on a hint page: does its description, headline or lead hold a deciding term? */
export function judgeSample(gate: Gate, sample: string): boolean {
  return gate.terms(sample.slice(0, GATE_SAMPLE_CHARS * 2));
}
