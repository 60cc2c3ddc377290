import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meaningChanges, meaningKinds, type MeaningKind } from '../../../../src/engine/lineage/meaning';
import { ROOT } from '../../../support/repo';

interface Pair {
  reference: string;
  variant: string;
  kinds: MeaningKind[];
  note: string;
  typographyOnly?: boolean;
  referenceSpeaker?: string;
  variantSpeaker?: string;
}

const { pairs } = JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/lineage/meaning-pairs.json'), 'utf8')) as { pairs: Pair[] };
const kindsOf = (p: Pair) =>
  meaningKinds(p.reference, p.variant, { referenceSpeaker: p.referenceSpeaker, variantSpeaker: p.variantSpeaker });

describe('meaning changes on the labelled set (tests/fixtures/lineage/meaning-pairs.json)', () => {
  it('has at least 100 pairs, the traps among them', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(100);
    expect(pairs.some((p) => p.note.includes('dropped not inside a long quote'))).toBe(true);
    expect(pairs.some((p) => p.note === 'sort of dropped')).toBe(true);
    expect(pairs.some((p) => p.note === '90-something to nineteen')).toBe(true);
  });

  it('precision ≥ 0.9 and recall ≥ 0.7 over (pair, kind)', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const p of pairs) {
      const got = kindsOf(p);
      const right = got.filter((k) => p.kinds.includes(k)).length;
      tp += right;
      fp += got.length - right;
      fn += p.kinds.length - right;
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.info(
      `meaning changes: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${tp} right, ${fp} wrong, ${fn} missed)`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.7);
  });

  it('never flags a typography- or punctuation-only pair', () => {
    const typo = pairs.filter((p) => p.typographyOnly);
    expect(typo.length).toBeGreaterThanOrEqual(20);
    for (const p of typo) expect(kindsOf(p), p.variant).toEqual([]);
  });
});

describe('meaning changes: the traps', () => {
  it('a "not" dropped inside a long quote, with the words involved', () => {
    const ref =
      "It's not love, I don't know what it is, but it's some other thing, even though, at a lot of times, he is dismissive of it, it's the one relationship I feel like Don actually treats with respect.";
    const flags = meaningChanges(ref, ref.replace("It's not love", "It's love"));
    expect(flags).toEqual([expect.objectContaining({ kind: 'negation', words: 'not' })]);
  });

  it('"sort of" dropped is a hedge; "90-something" → "nineteen" a number; "ninety-something" is not', () => {
    expect(meaningChanges('There was sort of like a mentor relationship.', 'There was like a mentor relationship.')).toEqual([
      expect.objectContaining({ kind: 'hedge', words: 'sort of' }),
    ]);
    expect(meaningChanges('all seven seasons, 90-something episodes', 'all seven seasons, nineteen episodes')).toEqual([
      expect.objectContaining({ kind: 'number', words: '90-something → nineteen' }),
    ]);
    expect(meaningChanges('all seven seasons, 90-something episodes', 'all 7 seasons, ninety-something episodes')).toEqual([]);
  });

  it('names tense, pronoun, cut qualifier and bracket', () => {
    expect(meaningKinds('I had a very close relationship with Jon', 'I have a very close relationship with Jon [Hamm]')).toEqual([
      'tense',
      'bracket',
    ]);
    expect(meaningKinds('He held onto my hand', 'She held onto my hand')).toEqual(['pronoun']);
    expect(meaningKinds('I don’t think it fits me anymore, but I have it.', 'I don’t think it fits me anymore')).toEqual(['cut-qualifier']);
  });
});
