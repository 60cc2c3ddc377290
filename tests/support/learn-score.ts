/**
 * How well learning grouped generated pages (learn-pages.ts): each planted corpus quote should sit in
 * the group that holds its bundled group's wordings; no group should hold wordings of two bundled
 * groups (or of two planted answers); no title or scare quote should be in any group.
 */
import { learn } from '../../src/cli/learn';
import type { Lexicon } from '../../src/engine/lexicon';
import type { Pack } from '../../src/engine/types';
import type { SavedPage } from '../../src/node/saved-page';
import type { GeneratedPage, PlantedSpan } from './learn-pages';

export interface JoinScore {
  quotes: number;
  joined: number;
  /** Groups holding wordings of two different utterances of the corpus (or of two planted answers only). */
  merged: number;
  /** Page quotes put in the group of another utterance (counted among the misses too). */
  wrong: number;
  /** Titles and scare quotes found in a group. */
  decoys: number;
  misses: { page: string; text: string; how: string }[];
}

export function asSavedPage(p: GeneratedPage): SavedPage {
  const title = p.text.slice(0, p.text.indexOf('\n'));
  return {
    path: `${p.id}.txt`,
    id: p.id,
    text: p.text,
    url: null,
    outlet: null,
    title,
    published: null,
    publishedAt: null,
    links: [],
    modified: '2026-12-01',
  };
}

const only = (set: ReadonlySet<string>, x: string) => set.size === 1 && set.has(x);
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export function scoreLearning(pack: Pack, pages: readonly GeneratedPage[], lexicon?: Lexicon): JoinScore {
  const { result } = learn(pack, pages.map(asSavedPage), lexicon);
  const bundledGroupOf = new Map<string, string>();
  for (const g of pack.groups) for (const v of g.variants) bundledGroupOf.set(`${v.document}#${v.start}`, g.id);
  const byPage = new Map(pages.map((p) => [p.id, p]));
  const plantedAt = (document: string, v: { start: number; end: number }): PlantedSpan | undefined =>
    byPage.get(document)?.planted.find((s) => overlaps(s, v));

  const score: JoinScore = { quotes: 0, joined: 0, merged: 0, wrong: 0, decoys: 0, misses: [] };
  const bundledLabels = result.groups.map((g) => new Set(g.variants.flatMap((v) => bundledGroupOf.get(`${v.document}#${v.start}`) ?? [])));
  /** Every answer a group's wordings carry: their bundled groups, and the planted answers of page quotes. */
  const labels = result.groups.map((g, i) => {
    const out = new Set(bundledLabels[i]);
    for (const v of g.variants) {
      const planted = plantedAt(v.document, v);
      if (planted?.group) out.add(planted.group);
    }
    return out;
  });
  score.merged = labels.filter((l, i) => bundledLabels[i]!.size > 1 || (bundledLabels[i]!.size === 0 && l.size > 1)).length;
  for (const p of pages) {
    for (const s of p.planted) {
      const holders = result.groups.filter((g) => g.variants.some((v) => v.document === p.id && overlaps(v, s)));
      if (s.group === null) {
        if (holders.length > 0) score.decoys++;
        continue;
      }
      score.quotes++;
      // Right only in the group that holds its bundled group's wordings (and no other bundled group's).
      const right = holders.length > 0 && holders.every((g) => only(bundledLabels[result.groups.indexOf(g)]!, s.group!));
      if (right) score.joined++;
      if (holders.some((g) => ![...bundledLabels[result.groups.indexOf(g)]!].every((x) => x === s.group))) score.wrong++;
      if (!right) score.misses.push({ page: p.id, text: p.text.slice(s.start, s.end), how: s.how });
    }
  }
  return score;
}
