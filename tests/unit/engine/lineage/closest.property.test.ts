/**
 * Closest relatives on generated copy traditions (tests/support/traditions.ts: two families of 12
 * articles, random trees, inherited edits, convergent house styles, missing dates, reprints and AMP
 * twins), run through buildPack and computeLineage as `verbatim lineage --add` runs them, with the naive
 * baseline beside it: the nearest earlier article by word edit distance. Seeds 1–30 (720 articles,
 * 660 scored): the aggregate moves by well under a point between seed ranges of that size.
 */
import { describe, expect, it } from 'vitest';
import { generateTradition } from '../../../support/traditions';
import { closestLine, scoreTradition, scoreTraditions } from '../../../support/tradition-score';

const SEEDS = Array.from({ length: 30 }, (_, i) => i + 1);

describe('closest relative on generated traditions', () => {
  it('is never below the nearest-earlier baseline, reaches 90 % when every copy edits something, and rarely abstains', () => {
    const all = scoreTraditions(SEEDS);
    const edited = scoreTraditions(SEEDS, { reprints: 0 });
    console.log(`closest relative, with reprints and AMP twins: ${closestLine(all)}`);
    console.log(`closest relative, every copy edits something: ${closestLine(edited)}`);
    for (const s of [all, edited]) {
      expect(s.method).toBeGreaterThanOrEqual(s.baseline);
      expect(s.abstained / s.articles).toBeLessThan(0.03);
      // Where the parent's wording is its own, distance and readings find it.
      expect((s.method - s.ambiguousRight) / (s.articles - s.ambiguous)).toBeGreaterThanOrEqual(0.9);
    }
    expect(edited.method / edited.articles).toBeGreaterThanOrEqual(0.9);
    // A reprint's wording is its source's: between the two, only the dates (often missing) can choose.
    expect(all.method / all.articles).toBeGreaterThanOrEqual(0.84);
  }, 240_000);

  it('an AMP twin and its page name each other (identical text, same site)', () => {
    let twins = 0;
    for (const seed of SEEDS.slice(0, 15)) {
      const articles = generateTradition({ seed });
      const { lineage } = scoreTradition(articles);
      const closest = new Map(lineage.documents.map((d) => [d.document, d.closest?.document ?? null]));
      for (const a of articles) {
        if (!a.twin) continue;
        twins++;
        expect(closest.get(a.id)).toBe(a.twin);
      }
    }
    expect(twins).toBeGreaterThan(0);
  }, 120_000);
});
