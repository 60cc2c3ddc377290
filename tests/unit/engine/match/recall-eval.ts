/**
 * Recall and precision by kind of page, for the match bench and the tests:
 *  - the page fixtures (tests/fixtures/pages), grouped by their `kind`;
 *  - reworded copies of the corpus articles made by our own rules (tests/support/rewrites.ts), spun and
 *    back-translated, three seeds each.
 * Precision is counted in characters for the copies (a highlighted character outside its own group's
 * rewritten quote is wrong) and in matches for the fixtures (fixture-eval's `wrong` and `touched`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analysePage } from '../../../../src/engine/analyse';
import type { PackIndex } from '../../../../src/engine/match/pack-index';
import { rewriteArticle, type RewriteKind } from '../../../support/rewrites';
import { CORPUS_DIR, manifestDocuments } from '../../../support/corpus';
import { runAll } from './fixture-eval';

export interface KindScore {
  kind: string;
  pages: number;
  expected: number;
  found: number;
  /** Wrong highlights (fixtures) or wrongly highlighted characters (copies)… */
  wrong: number;
  /** …out of this many highlights (fixtures) or highlighted characters (copies). */
  highlighted: number;
  recall: number;
  precision: number;
  /** Topic verdicts as expected, of `pages` (fixtures only). */
  verdicts?: number;
}

function score(kind: string, pages: number, expected: number, found: number, wrong: number, highlighted: number): KindScore {
  return {
    kind,
    pages,
    expected,
    found,
    wrong,
    highlighted,
    recall: expected === 0 ? 1 : found / expected,
    precision: highlighted === 0 ? 1 : (highlighted - wrong) / highlighted,
  };
}

/** The fixtures, by kind (`kind` in each *.expected.json). */
export function fixtureScores(index: PackIndex): KindScore[] {
  const byKind = new Map<
    string,
    { pages: number; expected: number; found: number; wrong: number; highlighted: number; verdicts: number }
  >();
  for (const r of runAll(index)) {
    const k = r.expected.kind ?? 'other';
    const s = byKind.get(k) ?? { pages: 0, expected: 0, found: 0, wrong: 0, highlighted: 0, verdicts: 0 };
    s.pages++;
    if (r.analysis.topic.match === r.expected.topic) s.verdicts++;
    s.expected += r.expected.quotes.length;
    s.found += r.found.length;
    s.wrong += r.wrong.length + r.touched.length;
    s.highlighted += r.analysis.quotes.length + r.touched.length;
    byKind.set(k, s);
  }
  return [...byKind]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, s]) => ({ ...score(k, s.pages, s.expected, s.found, s.wrong, s.highlighted), verdicts: s.verdicts }));
}

export const COPY_SEEDS = [7, 11, 23];

/** Reworded copies of every corpus article, per kind: quotes found, characters highlighted outside their quote. */
export function copyScores(index: PackIndex): KindScore[] {
  const out: KindScore[] = [];
  for (const kind of ['spun', 'back-translated'] as RewriteKind[]) {
    let pages = 0;
    let expected = 0;
    let found = 0;
    let wrong = 0;
    let highlighted = 0;
    for (const doc of manifestDocuments()) {
      const text = readFileSync(join(CORPUS_DIR, doc.file), 'utf8');
      for (const seed of COPY_SEEDS) {
        const copy = rewriteArticle(index.pack, doc.id, text, kind, seed);
        const { quotes } = analysePage(index, { url: doc.url ?? '', title: doc.title ?? '', text: copy.text });
        pages++;
        expected += copy.quotes.length;
        found += copy.quotes.filter((q) => quotes.some((m) => m.group === q.group && m.start < q.end && q.start < m.end)).length;
        for (const m of quotes) {
          for (const piece of m.parts ?? [{ start: m.start, end: m.end }]) {
            highlighted += piece.end - piece.start;
            let inside = 0;
            for (const q of copy.quotes) {
              if (q.group !== m.group) continue;
              inside += Math.max(0, Math.min(piece.end, q.end) - Math.max(piece.start, q.start));
            }
            wrong += piece.end - piece.start - inside;
          }
        }
      }
    }
    out.push(score(`${kind} copies (generated)`, pages, expected, found, wrong, highlighted));
  }
  return out;
}

export type Before = Record<string, { recall: number; precision: number; found: number; verdicts?: number }>;

export function formatScores(rows: KindScore[], before?: Before): string {
  const f = (x: number) => x.toFixed(3);
  const lines = ['| kind | pages | quotes found | recall | precision | topic verdicts right |', '| --- | --- | --- | --- | --- | --- |'];
  for (const r of rows) {
    const b = before?.[r.kind];
    const arrow = (was: number | undefined, now: string) => (was === undefined ? now : `${was} → ${now}`);
    const recall = b ? `${f(b.recall)} → ${f(r.recall)}` : f(r.recall);
    const precision = b ? `${f(b.precision)} → ${f(r.precision)}` : f(r.precision);
    const verdicts = r.verdicts === undefined ? '—' : `${arrow(b?.verdicts, String(r.verdicts))}/${r.pages}`;
    lines.push(`| ${r.kind} | ${r.pages} | ${arrow(b?.found, String(r.found))}/${r.expected} | ${recall} | ${precision} | ${verdicts} |`);
  }
  return lines.join('\n');
}
