/**
 * Learning joins every quote of the same utterance (tests/support/learn-pages.ts, scored by
 * learn-score.ts): unseen pages of one interview, added to the bundled pack as `verbatim learn` adds
 * them, with their answers known. Plus the reporters' rewordings the issue names, one by one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { learn } from '../../../../src/cli/learn';
import { similarity } from '../../../../src/engine/corpus/similarity';
import { wordKeys } from '../../../../src/engine/normalize';
import { synonymTest, type Lexicon } from '../../../../src/engine/lexicon';
import type { Pack } from '../../../../src/engine/types';
import { loadLexicon } from '../../../../src/node/lexicon';
import { bundledPack } from '../../../support/corpus';
import { generatePages, type GeneratedPage } from '../../../support/learn-pages';
import { asSavedPage, scoreLearning } from '../../../support/learn-score';

let pack: Pack;
let lexicon: Lexicon;
beforeAll(async () => {
  pack = await bundledPack();
  lexicon = loadLexicon();
});

const same = (a: string, b: string) => similarity(wordKeys(a), wordKeys(b)) > 0;

describe('similarity: the rewordings reporters make of one sentence', () => {
  const costume =
    'The only costume I have from Mad Men from all seven seasons, 90-something episodes, they asked me what costume I wanted to keep, and I said I wanted to keep that one because of that scene';
  it('a clause cut short, its "and" dropped: “they asked me what costume I wanted to keep, I said…”', () => {
    expect(same('they asked me what costume I wanted to keep, I said…', costume)).toBe(true);
  });
  it('a clause with a word dropped and a filler set off by commas', () => {
    expect(same('They asked me what, like, costume I wanted to keep', costume)).toBe(true);
    expect(same('None of was in the script', 'None of that was in the script and he did it on my close-up.')).toBe(true);
  });
  it('with the lexicon, a spinner’s synonym is the same word; without it, not', () => {
    const synonyms = synonymTest(lexicon);
    const [spun, original] = [wordKeys('It all felt extremely genuine'), wordKeys('It all felt very real')];
    expect(similarity(spun, original)).toBe(0);
    expect(similarity(spun, original, synonyms)).toBeGreaterThan(0);
    expect(similarity(original, spun, synonyms)).toBe(similarity(spun, original, synonyms));
  });
  it('stays strict below six words: “That right there is real” is not a part of “…the real Jon”', () => {
    expect(same('That right there is real.', 'Like, that right there is the real Jon.')).toBe(false);
  });
});

function page(id: string, text: string): GeneratedPage {
  return { id, text, planted: [] };
}

describe('learn: the issue’s rewordings join the bundled groups', () => {
  const hand = page(
    'hand-moss',
    [
      'Elisabeth Moss looks back on Peggy and Don',
      'Elisabeth Moss has opened up about her years on Mad Men in a new conversation with Vanity Fair.',
      '“There was, sort of like, a mentor-protegé relationship there,” Moss said of working with Jon Hamm.',
      'She added: “That right there is real Jon.”',
      'Moss explained how she kept her dress. “They asked me what costume I wanted to keep, I said…” she began, before laughing.',
      '“None of that was in the script, and he did it very well on my close-up,” she said of the kiss.',
      'Of the tears, Moss said: “It all felt so genuine.”',
      'The episode, “The Other Woman”, remains a fan favourite, and critics called it a “masterclass” in restraint.',
    ].join('\n\n') + '\n',
  );
  const groupOf = (result: Pack, fragment: string) =>
    result.groups.filter((g) => g.variants.some((v) => v.document === hand.id && v.text.includes(fragment))).map((g) => g.consensus);

  it('each wording sits in its utterance’s group; titles and scare quotes in none', () => {
    const { result } = learn(pack, [asSavedPage(hand)], lexicon);
    expect(groupOf(result, 'mentor-protegé')).toEqual([expect.stringMatching(/^There was sort of like a mentor/)]);
    expect(groupOf(result, 'real Jon')).toEqual(['Like, that right there is the real Jon.']);
    expect(groupOf(result, 'I said…')).toEqual([expect.stringMatching(/^The only costume I have/)]);
    expect(groupOf(result, 'very well')).toEqual(['None of that was in the script and he did it on my close-up.']);
    expect(groupOf(result, 'so genuine')).toEqual(['It all felt very real.']);
    expect(groupOf(result, 'Other Woman')).toEqual([]);
    expect(groupOf(result, 'masterclass')).toEqual([]);
  });
});

describe('learn: a quote broken by its attribution', () => {
  it('both pieces join the one group, whose other wordings stay with it', () => {
    const broken = page(
      'hand-broken',
      'Moss on the dress\n\n“The only costume I have from Mad Men from all seven seasons,” Moss remembered, “90-something episodes, they asked me what costume I wanted to keep.”\n',
    );
    const clause = page(
      'hand-clause',
      'Moss on the dress, again\n\n“The only costume I have from Mad Men from all seven seasons,” she said.\n',
    );
    const { result } = learn(pack, [asSavedPage(broken), asSavedPage(clause)], lexicon);
    const holding = result.groups.filter((g) => g.variants.some((v) => v.document.startsWith('hand-')));
    expect(holding.map((g) => g.consensus)).toEqual([expect.stringMatching(/^The only costume I have/)]);
    expect(holding[0]!.variants.filter((v) => v.document.startsWith('hand-'))).toHaveLength(3);
  });
});

describe('learn: generated pages of one interview (5 seeds × 15 pages)', () => {
  it('≥ 95 % of their corpus quotes join the right group; no group holds two utterances; no title or scare quote is grouped', () => {
    let [quotes, joined] = [0, 0];
    for (const seed of [1, 2, 3, 4, 5]) {
      const s = scoreLearning(pack, generatePages(pack, 'Vanity Fair interview', 15, seed), lexicon);
      [quotes, joined] = [quotes + s.quotes, joined + s.joined];
      expect(s.joined / s.quotes, `seed ${seed}: ${JSON.stringify(s.misses, null, 1)}`).toBeGreaterThanOrEqual(0.9);
      expect(s.merged, `seed ${seed}`).toBe(0);
      expect(s.decoys, `seed ${seed}`).toBe(0);
    }
    expect(quotes).toBeGreaterThan(300);
    expect(joined / quotes).toBeGreaterThanOrEqual(0.95);
  });
});
