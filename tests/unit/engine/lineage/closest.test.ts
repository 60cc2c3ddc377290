import { describe, expect, it } from 'vitest';
import { articleDistance, rankRelatives, type Ranked } from '../../../../src/engine/lineage/closest';

const facts = { shared: 0, treeParent: false, sameSite: false, fine: 0, drift: 0, published: 0 };
const cand = (document: string | null, distance: number, more: Partial<Ranked['facts']> = {}, descendant = false): Ranked => ({
  document,
  distance,
  descendant,
  facts: { ...facts, ...more },
});

describe('closest relative ranking', () => {
  it('names the nearest wording even when it shares no distinctive reading', () => {
    expect(rankRelatives([cand('far', 5, { shared: 3 }), cand('near', 1)]).best?.document).toBe('near');
  });

  it('breaks a tie in distance with the same site, then the fewer changes from the root, then the earlier date', () => {
    expect(rankRelatives([cand('a', 0), cand('amp', 0, { sameSite: true })]).best?.document).toBe('amp');
    expect(rankRelatives([cand('copy', 2, { drift: 3 }), cand('source', 2, { drift: 1 })]).best?.document).toBe('source');
    expect(rankRelatives([cand('later', 2, { published: 9 }), cand('first', 2, { published: 1 })]).best?.document).toBe('first');
  });

  it('abstains only when nothing tells two candidates apart, and names them', () => {
    const r = rankRelatives([cand('a', 3), cand('b', 3), cand('c', 4)]);
    expect(r.best).toBeNull();
    expect(r.tied.map((t) => t.document)).toEqual(['a', 'b']);
    // The original itself, as near as a copy, is the simpler explanation: no tie.
    expect(rankRelatives([cand('a', 3), cand(null, 3)]).best?.document).toBeNull();
    expect(rankRelatives([cand('a', 3), cand(null, 3)]).tied).toEqual([]);
  });

  it("puts a candidate that reads as the article's own copy after any other, however near", () => {
    // It has every change the article made and more of its own: undated, only the readings give the direction.
    expect(rankRelatives([cand('my-copy', 1, {}, true), cand('source', 4)]).best?.document).toBe('source');
    // When every candidate reads so, the nearest still wins.
    expect(rankRelatives([cand('far', 6, {}, true), cand('near', 2, {}, true)]).best?.document).toBe('near');
  });

  it('counts words cut off the ends of a quote at half: a cut is evidence, but one anyone makes', () => {
    const child = new Map([[0, ['b', 'c', 'd']]]);
    expect(articleDistance(child, new Map([[0, ['a', 'b', 'c', 'd', 'e']]]))).toBe(1);
    expect(articleDistance(child, new Map([[0, ['b', 'c', 'd']]]))).toBe(0);
    // A word the article has and the candidate lacks counts whole: it cannot have come from there.
    expect(articleDistance(new Map([[0, ['b', 'x', 'c', 'd']]]), new Map([[0, ['b', 'c', 'd']]]))).toBe(1);
  });

  it('counts a quote the candidate lacks as wholly different', () => {
    const child = new Map([
      [0, ['a', 'b', 'c']],
      [1, ['d', 'e']],
    ]);
    expect(articleDistance(child, new Map([[0, ['a', 'x', 'c']]]))).toBe(3);
  });
});
