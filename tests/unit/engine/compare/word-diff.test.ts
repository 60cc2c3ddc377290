import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignWords, wordDiff, type DiffPart } from '../../../../src/engine/compare/word-diff';

/** What each side reads when the diff is replayed. */
function sides(parts: DiffPart[]): { reference: string; variant: string } {
  const join = (ops: DiffPart['op'][]): string =>
    parts
      .filter((p) => ops.includes(p.op))
      .map((p) => p.text)
      .join('');
  return { reference: join(['same', 'removed']), variant: join(['same', 'added']) };
}

function expectRoundTrip(reference: string, variant: string): DiffPart[] {
  const parts = wordDiff(reference, variant);
  expect(sides(parts)).toEqual({ reference, variant });
  for (const p of parts) expect(p.text).not.toBe('');
  // Adjacent parts never share an op: runs are merged.
  parts.forEach((p, i) => expect(p.op).not.toBe(parts[i + 1]?.op));
  return parts;
}

/** Compact rendering for readable expectations: "-x" removed, "+x" added, "x" same. */
function render(parts: DiffPart[]): string[] {
  return parts.map((p) => (p.op === 'same' ? p.text : (p.op === 'added' ? '+' : '-') + p.text));
}

describe('wordDiff', () => {
  it('returns a single same part for equal texts and nothing for two empty texts', () => {
    expect(wordDiff('It all felt very real.', 'It all felt very real.')).toEqual([{ op: 'same', text: 'It all felt very real.' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('handles one empty side', () => {
    expect(render(expectRoundTrip('', 'Hi there.'))).toEqual(['+Hi there.']);
    expect(render(expectRoundTrip('Hi there.', ''))).toEqual(['-Hi there.']);
  });

  it('shows a substitution as removed followed by added, whole words only', () => {
    expect(
      render(expectRoundTrip('I had a very close relationship with Jon.', 'I have a very close relationship with Jon [Hamm].')),
    ).toEqual(['I ', '-had', '+have', ' a very close relationship with Jon', '+ [Hamm]', '.']);
  });

  it('shows an omitted word with its space', () => {
    expect(render(expectRoundTrip('a very close bond', 'a close bond'))).toEqual(['a ', '-very ', 'close bond']);
  });

  it('keeps trailing punctuation common after a cut', () => {
    expect(render(expectRoundTrip('real tears.', 'real.'))).toEqual(['real', '- tears', '.']);
  });

  it('aligns on normalised keys but emits raw text of each side', () => {
    // ’ vs ', diacritics, case: the words align (the rest stays common) but the raw characters differ.
    expect(render(expectRoundTrip('That’s actually real tears', "That's actually real tears"))).toEqual([
      '-That’s',
      "+That's",
      ' actually real tears',
    ]);
    expect(render(expectRoundTrip('a mentor/protégé bond', 'a mentor-protege bond'))).toEqual([
      'a mentor',
      '-/protégé',
      '+-protege',
      ' bond',
    ]);
    const a = alignWords('my close-up', 'my close up');
    expect(a.ops.every((op) => op.op === 'same')).toBe(true);
  });

  it('round-trips punctuation, ellipses, brackets, quotes and emoji', () => {
    const pairs: [string, string][] = [
      ['“It all felt very real.”', '...all felt very real…'],
      ['[He] held onto my hand.', 'He held onto my hand 🙂'],
      ['— Well, “no,” she said!', '"Well no" she said?!'],
      ['I loved Moss’', "I loved Moss'"],
      ['👍🏽 great 👍🏽', 'great'],
      ['…', '...'],
      ['  spaced   out  ', 'spaced out'],
      [
        'There was sort of like a mentor/protégé relationship there, very older brother, little sister.',
        'There was sort of like a mentor-protegé relationship there, very older brother/little sister.',
      ],
    ];
    for (const [r, v] of pairs) {
      expectRoundTrip(r, v);
      expectRoundTrip(v, r);
    }
  });

  it('round-trips any pair of texts (property)', () => {
    const fragment = fc.constantFrom(
      'It',
      'it',
      'all',
      'felt',
      'very',
      'real',
      'That’s',
      "That's",
      'protégé',
      'protege',
      'Jon',
      'John',
      ' ',
      '  ',
      ', ',
      '.',
      '…',
      '...',
      '[',
      ']',
      '“',
      '”',
      '"',
      "'",
      '’',
      '-',
      '—',
      '/',
      '🙂',
      '👍🏽',
      '\u00A0',
      'é',
    );
    const text = fc.oneof(
      fc.array(fragment, { maxLength: 14 }).map((xs) => xs.join('')),
      fc.string({ maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
    );
    fc.assert(
      fc.property(text, text, (r, v) => {
        const parts = wordDiff(r, v);
        const s = sides(parts);
        return s.reference === r && s.variant === v && parts.every((p) => p.text !== '');
      }),
      { numRuns: 2000 },
    );
  });
});
