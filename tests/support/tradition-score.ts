/**
 * Scores "closest relative" on generated traditions (./traditions.ts), for `computeLineage` and for the
 * naive baseline beside it: the article not dated after this one (when both are dated; otherwise any
 * other) with the smallest word-level edit distance over this article's quotes. Both read the same pack.
 */
import { parseDate, dateOrder } from '../../src/engine/lineage/dates';
import { computeLineage, type Lineage } from '../../src/engine/lineage/lineage';
import { wordKeys } from '../../src/engine/normalize';
import { wordEditDistance } from '../../src/engine/text-distance';
import type { Pack } from '../../src/engine/types';
import { generateTradition, traditionPack, type TraditionArticle, type TraditionOptions } from './traditions';

export interface ClosestScore {
  articles: number;
  method: number;
  baseline: number;
  /** Articles the method abstains on (closest: null). */
  abstained: number;
  /**
   * Articles whose parent's wording another article that may precede them prints word for word (a reprint
   * of it, or the one it reprints): no method can tell which of the two was copied. Included above.
   */
  ambiguous: number;
  /** The method's right picks among the ambiguous ones. */
  ambiguousRight: number;
  /** Articles left out of the pack: their edits left no quote that reads as one (the CLI warns and goes on). */
  leftOut: number;
}

const ZERO: ClosestScore = { articles: 0, method: 0, baseline: 0, abstained: 0, ambiguous: 0, ambiguousRight: 0, leftOut: 0 };

/** Another article, not the parent or a twin, may precede `a` and prints the parent's wording of every quote `a` has. */
function ambiguous(a: TraditionArticle, byId: ReadonlyMap<string, TraditionArticle>): boolean {
  const parent = byId.get(a.parent!)!;
  const mayPrecede = (o: TraditionArticle) =>
    !(o.manifest.published && a.manifest.published && o.manifest.published > a.manifest.published);
  return [...byId.values()].some(
    (o) =>
      ![a.id, parent.id, parent.twin, a.twin].includes(o.id) &&
      mayPrecede(o) &&
      [...a.quotes.keys()].every((i) => o.quotes.get(i) === parent.quotes.get(i)),
  );
}

/** Each document's longest wording per group, as word keys. */
function wordings(pack: Pack): Map<string, Map<string, string[]>> {
  const out = new Map<string, Map<string, string[]>>();
  for (const g of pack.groups)
    for (const v of g.variants) {
      const keys = wordKeys(v.text);
      if (!out.has(v.document)) out.set(v.document, new Map());
      const mine = out.get(v.document)!;
      if ((mine.get(g.id)?.length ?? -1) < keys.length) mine.set(g.id, keys);
    }
  return out;
}

/** The baseline's pick for every document (first in document order on a tie). */
export function nearestEarlier(pack: Pack): Map<string, string | null> {
  const words = wordings(pack);
  const dates = new Map(pack.documents.map((d) => [d.id, parseDate(d.published)]));
  const out = new Map<string, string | null>();
  for (const d of pack.documents) {
    let best: string | null = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const o of pack.documents) {
      if (o.id === d.id || dateOrder(dates.get(o.id) ?? null, dates.get(d.id) ?? null) === 'after') continue;
      let distance = 0;
      for (const [g, keys] of words.get(d.id) ?? []) {
        const theirs = words.get(o.id)?.get(g);
        distance += theirs ? wordEditDistance(keys, theirs) : keys.length;
      }
      if (distance < bestDistance) [best, bestDistance] = [o.id, distance];
    }
    out.set(d.id, best);
  }
  return out;
}

/**
 * Right when the pick is the true parent. An article and its AMP twin are one page, so for the twin its
 * page is right, and for a copy of either, either is.
 */
export function isRight(a: TraditionArticle, pick: string | null, byId: ReadonlyMap<string, TraditionArticle>): boolean {
  if (pick === null) return false;
  return pick === a.parent || pick === a.twin || (a.parent !== null && pick === byId.get(a.parent)?.twin);
}

export function scoreTradition(articles: readonly TraditionArticle[]): ClosestScore & { lineage: Lineage; pack: Pack } {
  const { pack, documents } = traditionPack(articles);
  const lineage = computeLineage({ groups: pack.groups, documents });
  const closest = new Map(lineage.documents.map((d) => [d.document, d.closest?.document ?? null]));
  const baseline = nearestEarlier(pack);
  const s: ClosestScore = { ...ZERO };
  const byId = new Map(articles.map((a) => [a.id, a]));
  const inPack = new Set(pack.documents.map((d) => d.id));
  for (const a of articles) {
    if (a.parent === null) continue;
    if (!inPack.has(a.id)) {
      s.leftOut++;
      continue;
    }
    s.articles++;
    const right = isRight(a, closest.get(a.id) ?? null, byId);
    if (right) s.method++;
    if (isRight(a, baseline.get(a.id) ?? null, byId)) s.baseline++;
    if ((closest.get(a.id) ?? null) === null) s.abstained++;
    if (ambiguous(a, byId)) {
      s.ambiguous++;
      if (right) s.ambiguousRight++;
    }
  }
  return { ...s, lineage, pack };
}

/** Many traditions, summed. */
export function scoreTraditions(seeds: readonly number[], o: Omit<TraditionOptions, 'seed'> = {}): ClosestScore {
  const total: ClosestScore = { ...ZERO };
  for (const seed of seeds) {
    const s = scoreTradition(generateTradition({ ...o, seed }));
    for (const k of Object.keys(total) as (keyof ClosestScore)[]) total[k] += s[k];
  }
  return total;
}

const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;

/** One line of figures: method, baseline, abstentions, and the method where the parent's wording is its own. */
export function closestLine(s: ClosestScore): string {
  return (
    `method ${pct(s.method, s.articles)}, baseline ${pct(s.baseline, s.articles)}, abstained ${s.abstained} of ${s.articles}; ` +
    `where no other article prints the parent's wording: method ${pct(s.method - s.ambiguousRight, s.articles - s.ambiguous)} ` +
    `(${s.articles - s.ambiguous} articles)${s.leftOut ? `; ${s.leftOut} left out, no quote left` : ''}`
  );
}
