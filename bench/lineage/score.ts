/** Scores lineage methods on synthetic traditions: right parents (per variant) and right closest relatives (per article). */
import { parseDate } from '../../src/engine/lineage/dates';
import { computeLineage } from '../../src/engine/lineage/lineage';
import { njParents } from './neighbor-joining';
import type { Tradition } from './traditions';

export interface Score {
  variants: number;
  rightParents: number;
  /** Edges the method marks unclear, and how many of the others are right. */
  unclear: number;
  confidentRight: number;
  articles: number;
  rightClosest: number;
}

export function emptyScore(): Score {
  return { variants: 0, rightParents: 0, unclear: 0, confidentRight: 0, articles: 0, rightClosest: 0 };
}

export function add(a: Score, b: Score): Score {
  return {
    variants: a.variants + b.variants,
    rightParents: a.rightParents + b.rightParents,
    unclear: a.unclear + b.unclear,
    confidentRight: a.confidentRight + b.confidentRight,
    articles: a.articles + b.articles,
    rightClosest: a.rightClosest + b.rightClosest,
  };
}

/** The truth in the method's terms: a copy's parent document, null for the original (or its document). */
function truth(t: Tradition, doc: string, originalInCorpus: boolean): string | null {
  const p = t.parent.get(doc) ?? null;
  return p ?? (originalInCorpus ? t.original : null);
}

export function scoreLineage(t: Tradition, originalInCorpus: boolean): Score {
  const lineage = computeLineage({ groups: t.groups, documents: t.documents });
  const s = emptyScore();
  for (const g of lineage.groups) {
    for (const e of g.tree) {
      if (e.document === t.original) continue;
      const parent = e.parent ?? g.original;
      const right = parent === truth(t, e.document, originalInCorpus);
      s.variants++;
      if (right) s.rightParents++;
      if (e.unclear) s.unclear++;
      else if (right) s.confidentRight++;
    }
  }
  for (const d of lineage.documents) {
    if (d.document === t.original) continue;
    s.articles++;
    if ((d.closest?.document ?? null) === (t.parent.get(d.document) ?? null)) s.rightClosest++;
  }
  return s;
}

export function scoreBaseline(t: Tradition, originalInCorpus: boolean): Score {
  const s = emptyScore();
  const dates = new Map(t.documents.map((d) => [d.id, parseDate(d.published)]));
  const votes = new Map<string, Map<string | null, number>>();
  for (const g of t.groups) {
    const copies = [...new Set(g.variants.map((v) => v.document))].filter((d) => d !== t.original);
    const rootText = originalInCorpus ? g.variants.find((v) => v.document === t.original)!.text : g.consensus;
    const texts = [rootText, ...copies.map((d) => g.variants.find((v) => v.document === d)!.text)];
    const parents = njParents(texts, [originalInCorpus ? dates.get(t.original)! : null, ...copies.map((d) => dates.get(d) ?? null)]);
    copies.forEach((d, i) => {
      const p = parents[i + 1]!;
      const parent = p === 0 ? (originalInCorpus ? t.original : null) : copies[p - 1]!;
      s.variants++;
      if (parent === truth(t, d, originalInCorpus)) {
        s.rightParents++;
        s.confidentRight++;
      }
      const key = p === 0 ? null : copies[p - 1]!;
      if (!votes.has(d)) votes.set(d, new Map());
      votes.get(d)!.set(key, (votes.get(d)!.get(key) ?? 0) + 1);
    });
  }
  for (const [d, v] of votes) {
    // The article's closest relative: the parent most of its quotes got (the original on a tie).
    const ranked = [...v].sort((a, b) => b[1] - a[1] || (a[0] === null ? -1 : b[0] === null ? 1 : 0));
    s.articles++;
    if ((ranked[0]![0] ?? null) === (t.parent.get(d) ?? null)) s.rightClosest++;
  }
  return s;
}
