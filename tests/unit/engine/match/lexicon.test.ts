/** Synonyms for reworded copies: the lexicon's parsing, base forms, and what the matcher does with it. */
import { describe, expect, it } from 'vitest';
import { baseForms, parseLexicon, synonymsOf } from '../../../../src/engine/match/lexicon';
import { matchQuotes } from '../../../../src/engine/match/match';
import { indexPack } from '../../../../src/engine/match/pack-index';
import { loadLexicon } from '../../../../src/node/lexicon';
import { packOf } from './pack-helper';

const small = parseLexicon('real genuine actual\nthink believe\nmean imply\n');

describe('lexicon', () => {
  it('finds synonyms through base forms (implied → imply, meant → mean)', () => {
    expect(baseForms('implied')).toContain('imply');
    expect(baseForms('meant')).toContain('mean');
    expect([...synonymsOf(small, 'meant')]).toEqual(['imply']);
    expect([...synonymsOf(small, 'genuine')].sort()).toEqual(['actual', 'real']);
  });

  it('holds the common senses WordNet attests, not the rare ones', () => {
    const wordnet = loadLexicon();
    expect(synonymsOf(wordnet, 'real').has('genuine')).toBe(true);
    expect(synonymsOf(wordnet, 'think').has('believe')).toBe(true);
    expect(synonymsOf(wordnet, 'want').has('desire')).toBe(true);
    // Members whose own sense nobody in WordNet's tagged corpus used are left out: "existent" and "veridical"
    // for "real", "rattling" for "very".
    expect(synonymsOf(wordnet, 'real').has('existent')).toBe(false);
    expect(synonymsOf(wordnet, 'real').has('veridical')).toBe(false);
    expect(synonymsOf(wordnet, 'very').has('rattling')).toBe(false);
  });
});

describe('matchQuotes with synonyms', () => {
  const pack = packOf([['Like, that right there is the real Jon.'], ["I don't think it fits me anymore, but I have it."]]);
  const spun = 'Moss spoke. Like, that right there is the genuine Jon. I don’t believe it fits me anymore, but I have it. The end.';

  it('finds a sentence with a word swapped for a synonym only when the index has the lexicon', () => {
    // Without it, only the sentence whose swapped word is a function word ("think") passes, as a near-whole sentence.
    expect(matchQuotes(indexPack(pack), spun).map((m) => m.group)).toEqual(['g1']);
    const found = matchQuotes(indexPack(pack, small), spun);
    expect(found.map((m) => m.text)).toEqual([
      'Like, that right there is the genuine Jon.',
      'I don’t believe it fits me anymore, but I have it.',
    ]);
  });

  it('never takes a sentence that ends differently for the quote, synonyms or not', () => {
    const other = packOf([['I had a very close relationship with Jon.']]);
    expect(matchQuotes(indexPack(other, loadLexicon()), 'She said: I had a very close relationship with him. Then she left.')).toEqual([]);
  });
});
