/**
 * Runs the page fixtures (tests/fixtures/pages/*.html + *.expected.json) through the same path as
 * `verbatim scan` and scores them: which expected quotes were found, which highlights were wrong.
 *
 * Expected quotes are named by text, not by group id (ids belong to the pack builder):
 * `page` is a snippet of the page's wording that the highlight must overlap, `corpus` a snippet of
 * the group's wording (consensus or any variant) the highlight must belong to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analysePage, type PageAnalysis } from '../../../../src/engine/analyse';
import { type QuoteMatch } from '../../../../src/engine/match/match';
import { indexPack as indexWithout, type PackIndex } from '../../../../src/engine/match/pack-index';
import { loadLexicon } from '../../../../src/node/lexicon';
import { wordKeys } from '../../../../src/engine/normalize';
import type { Pack } from '../../../../src/engine/types';
import { htmlToPage } from '../../../../src/node/html-text';
import { corpusPack } from './pack-helper';
import { ROOT } from '../../../support/repo';

export const FIXTURES = join(ROOT, 'tests/fixtures/pages');

export interface ExpectedQuote {
  page: string;
  corpus: string;
  /**
   * A real quote the matcher is known to miss today: counted in recall (fixtureScores, the match bench),
   * not failed by the per-page test. Remove the flag when it is found.
   */
  miss?: boolean;
}

export interface Expected {
  description: string;
  patterns: string[];
  /** What kind of page this is, for recall and precision by kind (recall-eval.ts, the match bench). */
  kind?: string;
  topic: boolean;
  quotes: ExpectedQuote[];
  /** Quotes a match may or may not find (counted neither way). */
  optional?: ExpectedQuote[];
  /** Page text no highlight may touch. */
  notHighlighted?: string[];
}

export interface FixtureResult {
  name: string;
  expected: Expected;
  analysis: PageAnalysis;
  text: string;
  found: ExpectedQuote[];
  missed: ExpectedQuote[];
  /** Matches that belong to no expected/optional quote. */
  wrong: QuoteMatch[];
  /** notHighlighted snippets that a highlight overlaps. */
  touched: string[];
  /** Snippets of the expectation that are not in the page text (a broken fixture). */
  absent: string[];
}

/** The real bundled pack when the pack builder is available, else the hand-built one. */
export async function loadPack(): Promise<{ pack: Pack; source: string }> {
  try {
    const { buildPackFromDir } = await import('../../../../src/node/corpus-dir');
    const pack = await buildPackFromDir(join(ROOT, 'assets/corpus'));
    // The builder is developed concurrently; a pack without wordings cannot test the matcher.
    if (pack.groups.length > 0 && pack.groups.every((g) => g.variants.every((v) => v.text.trim().length > 0))) {
      return { pack, source: 'bundled corpus (buildPackFromDir)' };
    }
    return { pack: corpusPack(), source: 'hand-built test pack (bundled pack has empty wordings)' };
  } catch {
    return { pack: corpusPack(), source: 'hand-built test pack (pack builder unavailable)' };
  }
}

/** Offsets of `snippet` in `text`, whitespace-insensitive. */
export function locate(text: string, snippet: string): [number, number] | null {
  const pattern = snippet
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const m = new RegExp(pattern, 'u').exec(text);
  return m ? [m.index, m.index + m[0].length] : null;
}

function keysIncluded(haystack: string, needle: string): boolean {
  return ` ${wordKeys(haystack).join(' ')} `.includes(` ${wordKeys(needle).join(' ')} `);
}

function belongs(index: PackIndex, m: QuoteMatch, q: ExpectedQuote, text: string): boolean {
  const at = locate(text, q.page);
  if (!at || m.start >= at[1] || at[0] >= m.end) return false;
  const group = index.pack.groups.find((g) => g.id === m.group);
  return !!group && [group.consensus, ...group.variants.map((v) => v.text)].some((w) => keysIncluded(w, q.corpus));
}

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => f.slice(0, -'.expected.json'.length))
    .sort();
}

export function runFixture(index: PackIndex, name: string): FixtureResult {
  const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as Expected;
  const html = readFileSync(join(FIXTURES, `${name}.html`), 'utf8');
  const url = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1] ?? '';
  const page = htmlToPage(html);
  const analysis = analysePage(index, { url, title: page.title, headline: page.headline, text: page.text });
  const text = page.text;
  const quotes = analysis.quotes;
  const found = expected.quotes.filter((q) => quotes.some((m) => belongs(index, m, q, text)));
  const missed = expected.quotes.filter((q) => !found.includes(q));
  const allowed = [...expected.quotes, ...(expected.optional ?? [])];
  const wrong = quotes.filter((m) => !allowed.some((q) => belongs(index, m, q, text)));
  const touched = (expected.notHighlighted ?? []).filter((s) => {
    const at = locate(text, s);
    // A quote with parts highlights only its parts (what it skipped, an ad or a timestamp, is not marked).
    return at !== null && quotes.some((m) => (m.parts ?? [m]).some((p) => p.start < at[1] && at[0] < p.end));
  });
  const absent = [...allowed.map((q) => q.page), ...(expected.notHighlighted ?? [])].filter((s) => !locate(text, s));
  return { name, expected, analysis, text, found, missed, wrong, touched, absent };
}

export function runAll(index: PackIndex): FixtureResult[] {
  return fixtureNames().map((n) => runFixture(index, n));
}

/** The pack's index as the extension and `verbatim scan` build it: with the WordNet synonyms. */
export function indexPack(pack: Pack): PackIndex {
  return indexWithout(pack, loadLexicon());
}
