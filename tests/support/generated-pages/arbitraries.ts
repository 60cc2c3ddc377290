/**
 * fast-check generators of hostile-but-plausible page bodies with corpus quotes planted in them.
 * A page is a list of blocks; filler text never contains corpus words in sequence, so every
 * highlight must come from a planted quote.
 */
import fc from 'fast-check';

/** Filler words that share no run of words with any corpus quote, plus the awkward characters pages hold. */
const FILLER_WORDS = [
  'lorem',
  'ipsum',
  'dolor',
  'amet',
  'consectetur',
  'weather',
  'bicycle',
  'harbour',
  'quarterly',
  'ledger',
  'مرحبا',
  'שלום',
  'עולם',
  '😀',
  '👩🏽‍💻',
  '𝒳𝒴',
  'e\u0301te\u0301',
  'cafe\u0301',
  'zero\u200bwidth',
  '\u200d',
  'x'.repeat(300),
  '&',
  '<b>not markup</b>',
  '"',
  '’',
  '…',
  '\u00a0',
  '\u202eRTL-override',
];

export const fillerText = fc.array(fc.constantFrom(...FILLER_WORDS), { minLength: 0, maxLength: 12 }).map((words) => words.join(' '));

/** Inline wrappers a quote piece can sit in (nested ones included). */
const INLINE = ['em', 'strong', 'a', 'span', 'b', 'i', 'mark', 'code'] as const;

export type Piece =
  { kind: 'text'; text: string } | { kind: 'comment'; text: string } | { kind: 'inline'; tags: string[]; text: string } | { kind: 'empty' };

/** A planted quote: the sentence, split at word boundaries into pieces wrapped in inline elements. */
export interface Planted {
  sentence: string;
  group: string;
  /** Cut points (word indexes) and wrappers for each resulting piece. */
  cuts: number[];
  wrappers: string[][];
}

export type Block =
  | { kind: 'filler'; tag: 'p' | 'div' | 'li' | 'td' | 'pre' | 'h2'; pieces: Piece[] }
  | { kind: 'quote'; tag: 'p' | 'div' | 'li' | 'td' | 'blockquote'; before: string; planted: Planted; after: string }
  | { kind: 'shadow'; text: string }
  | { kind: 'existing-marks'; text: string; markjs: boolean }
  | { kind: 'hidden'; text: string };

const piece: fc.Arbitrary<Piece> = fc.oneof(
  fillerText.map((text) => ({ kind: 'text' as const, text })),
  fillerText.map((text) => ({ kind: 'comment' as const, text: text.replace(/--/g, '- -') })),
  fc.record({
    kind: fc.constant('inline' as const),
    tags: fc.array(fc.constantFrom(...INLINE), { minLength: 1, maxLength: 3 }),
    text: fillerText,
  }),
  fc.constant({ kind: 'empty' as const }),
  fc.constant({ kind: 'text' as const, text: ' \n\t ' }),
);

export function plantedArb(sentences: { sentence: string; group: string }[]): fc.Arbitrary<Planted> {
  return fc.constantFrom(...sentences).chain(({ sentence, group }) => {
    const words = sentence.split(' ').length;
    return fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, words - 1) }), { maxLength: Math.min(4, words - 1) }).chain((cuts) =>
      fc.record({
        sentence: fc.constant(sentence),
        group: fc.constant(group),
        cuts: fc.constant([...cuts].sort((a, b) => a - b)),
        wrappers: fc.array(fc.array(fc.constantFrom(...INLINE), { maxLength: 2 }), {
          minLength: cuts.length + 1,
          maxLength: cuts.length + 1,
        }),
      }),
    );
  });
}

export function pageArb(sentences: { sentence: string; group: string }[]): fc.Arbitrary<Block[]> {
  const block: fc.Arbitrary<Block> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('filler' as const),
        tag: fc.constantFrom('p', 'div', 'li', 'td', 'pre', 'h2') as fc.Arbitrary<'p'>,
        pieces: fc.array(piece, { maxLength: 6 }),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('quote' as const),
        tag: fc.constantFrom('p', 'div', 'li', 'td', 'blockquote') as fc.Arbitrary<'p'>,
        before: fillerText,
        planted: plantedArb(sentences),
        after: fillerText,
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('shadow' as const), text: fillerText }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('existing-marks' as const), text: fillerText, markjs: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('hidden' as const), text: fillerText }) },
  );
  return fc.array(block, { minLength: 1, maxLength: 8 });
}
