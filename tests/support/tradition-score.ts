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

/** Right when the pick is the true parent; an article and its AMP twin are one page, so either is right for it. */
export function isRight(a: TraditionArticle, pick: string | null): boolean {
  return pick !== null && (pick === a.parent || pick === a.twin);
}

export function scoreTradition(articles: readonly TraditionArticle[]): ClosestScore & { lineage: Lineage; pack: Pack } {
  const { pack, documents } = traditionPack(articles);
  const lineage = computeLineage({ groups: pack.groups, documents });
  const closest = new Map(lineage.documents.map((d) => [d.document, d.closest?.document ?? null]));
  const baseline = nearestEarlier(pack);
  const s: ClosestScore = { articles: 0, method: 0, baseline: 0, abstained: 0 };
  for (const a of articles) {
    if (a.parent === null) continue;
    s.articles++;
    if (isRight(a, closest.get(a.id) ?? null)) s.method++;
    if (isRight(a, baseline.get(a.id) ?? null)) s.baseline++;
    if ((closest.get(a.id) ?? null) === null) s.abstained++;
  }
  return { ...s, lineage, pack };
}

/** Many traditions, summed. */
export function scoreTraditions(seeds: readonly number[], o: Omit<TraditionOptions, 'seed'> = {}): ClosestScore {
  const total: ClosestScore = { articles: 0, method: 0, baseline: 0, abstained: 0 };
  for (const seed of seeds) {
    const s = scoreTradition(generateTradition({ ...o, seed }));
    total.articles += s.articles;
    total.method += s.method;
    total.baseline += s.baseline;
    total.abstained += s.abstained;
  }
  return total;
}
