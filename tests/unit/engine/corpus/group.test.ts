/** Grouping across outlets, consensus and change kinds, on small hand-made corpora. */
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../../src/engine/corpus/build-pack';
import { consensusIndex } from '../../../../src/engine/consensus';
import { wordKeys } from '../../../../src/engine/normalize';
import { similarity } from '../../../../src/engine/corpus/similarity';
import { corpusOf, packOf } from './pack-helpers';

const keys = (t: string): string[] => wordKeys(t);

describe('similarity', () => {
  it('same utterance despite tense, brackets and typography', () => {
    expect(
      similarity(keys('I had a very close relationship with Jon'), keys('I have a very close relationship with Jon [Hamm].')),
    ).toBeGreaterThan(0);
    expect(
      similarity(
        keys('None of that was in the script and he did it on my close-up.'),
        keys('None of that was in the script, and he did it on my close up.'),
      ),
    ).toBe(1);
  });

  it('a cut-down partial quote matches when contiguous', () => {
    expect(similarity(keys('all felt very real'), keys('It all felt very real.'))).toBeGreaterThan(0);
  });

  it('two different sentences of one answer do not match', () => {
    expect(similarity(keys('That right there is real.'), keys('Like, that right there is the real Jon.'))).toBe(0);
  });
});

describe('grouping', () => {
  const a = '“It all felt very real. I had a very close relationship with Jon,” Moss said. “That right there is real.”';
  const b =
    '“It all felt very real. I have a very close relationship with Jon [Hamm].” Moss said. “Like, that right there is the real Jon.”';
  const c = '“I had a very close relationship with Jon,” Moss said. “It all felt very real.”';

  it('groups each sentence across outlets, whatever the sentence order', () => {
    const p = packOf({ a, b, c });
    const byConsensus = Object.fromEntries(p.groups.map((g) => [g.consensus, g.variants.map((v) => v.document)]));
    expect(byConsensus).toEqual({
      'It all felt very real.': ['a', 'b', 'c'],
      'I had a very close relationship with Jon': ['a', 'b', 'c'],
      'That right there is real.': ['a'],
      'Like, that right there is the real Jon.': ['b'],
    });
  });

  it('classifies each variant against the consensus', () => {
    const p = packOf({ a, b, c });
    const g = p.groups.find((x) => x.consensus.startsWith('I had'))!;
    expect(g.variants.map((v) => [v.document, v.change])).toEqual([
      ['a', ['identical']],
      ['b', ['substituted', 'bracket']],
      ['c', ['identical']],
    ]);
  });

  it('splits a sentence glued with ellipses into pieces that join their own groups (merged-split)', () => {
    const x = '“And so it meant something to the both of us.” Moss said. “He held onto my hand and didn’t let go.”';
    const y = '“And so it meant something to the both of us ... because he held onto my hand and didn’t let go.” Moss said.';
    const p = packOf({ x, x2: x, y });
    const pieces = p.groups.flatMap((g) =>
      g.variants.filter((v) => v.document === 'y').map((v) => [g.consensus, v.text, v.change.includes('merged-split')]),
    );
    expect(pieces).toEqual([
      ['And so it meant something to the both of us.', 'And so it meant something to the both of us ...', true],
      ['He held onto my hand and didn’t let go.', 'because he held onto my hand and didn’t let go.', true],
    ]);
  });

  it('an ellipsis that only cuts words inside one sentence keeps the sentence whole', () => {
    const x = '“I have a very close relationship with Jon and the whole cast of the show,” Moss said.';
    const y = '“I have a very close relationship with Jon ... and the whole cast of the show,” Moss said.';
    const p = packOf({ x, y });
    expect(p.groups).toHaveLength(1);
    expect(p.groups[0]!.variants[1]!.change).not.toContain('merged-split');
  });

  it('keeps both variants when one document quotes a sentence twice', () => {
    const x = '"We were faking it most of the time"\n\n“We were faking it most of the time,” Moss said.';
    const p = packOf({ x });
    expect(p.groups).toHaveLength(1);
    expect(p.groups[0]!.variants).toHaveLength(2);
  });
});

describe('consensus', () => {
  it('is the wording most documents use, not most variants', () => {
    const w = (doc: number, text: string) => ({ doc, text, keys: keys(text) });
    const i = consensusIndex([w(0, 'I have it.'), w(0, 'I have it.'), w(1, 'I had it.'), w(2, 'I had it.')]);
    expect(i).toBe(2);
  });

  it('prefers a text that ends the sentence among equal wordings', () => {
    const w = (doc: number, text: string) => ({ doc, text, keys: keys(text) });
    expect(consensusIndex([w(0, 'It all felt very real'), w(1, 'It all felt very real.')])).toBe(1);
  });

  it('breaks ties deterministically (the medoid, then document order)', () => {
    const w = (doc: number, text: string) => ({ doc, text, keys: keys(text) });
    expect(consensusIndex([w(0, 'I had a dog.'), w(1, 'I have a dog.')])).toBe(0);
  });
});

describe('buildPack', () => {
  it('is deterministic: same input, byte-identical JSON', () => {
    const src = corpusOf({ a: '“It all felt very real,” Moss said.', b: '“It all felt so real,” Moss said.' });
    expect(JSON.stringify(buildPack(src))).toBe(JSON.stringify(buildPack(structuredClone(src))));
  });

  it('names the article that has no quotes', () => {
    expect(() => packOf({ a: '“It all felt very real,” Moss said.', empty: 'No quotes in here at all.' })).toThrow(
      /empty\.txt: no quotes found/,
    );
  });
});
