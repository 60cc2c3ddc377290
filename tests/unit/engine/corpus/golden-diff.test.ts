/** The golden comparison explains a mismatch in words, per group. */
import { describe, expect, it } from 'vitest';
import { goldenDiff, type Golden } from '../../../golden/golden-diff';
import { packOf } from './pack-helpers';

describe('goldenDiff', () => {
  const pack = packOf({
    a: '“It all felt very real to me,” Moss said. “The dress is still in my closet,” Moss said.',
    b: '“It all felt very real to me,” Moss said.',
  });

  it('is empty when the pack matches', () => {
    const golden: Golden = {
      notUtterances: [],
      groups: [
        {
          speaker: 'Moss',
          source: null,
          variants: [
            { document: 'a', text: 'It all felt very real to me' },
            { document: 'b', text: 'It all felt very real to me' },
          ],
        },
        { speaker: 'Moss', source: null, variants: [{ document: 'a', text: 'The dress is still in my closet' }] },
      ],
    };
    expect(goldenDiff(pack, golden)).toEqual([]);
  });

  it('names missing outlets, wrong speakers and extra groups', () => {
    const golden: Golden = {
      notUtterances: [{ document: 'a', text: 'The dress is still in my closet' }],
      groups: [
        {
          speaker: 'Jon Hamm',
          source: 'Vulture',
          variants: [
            { document: 'a', text: 'It all felt very real to me' },
            { document: 'c', text: 'It all felt very real' },
          ],
        },
      ],
    };
    const problems = goldenDiff(pack, golden);
    expect(problems[0]).toBe('golden group 1 "It all felt very real to me": missing variant c: It all felt very real (not extracted)');
    expect(problems).toContain(
      'golden group 1 "It all felt very real to me": extra variant b: It all felt very real to me in ' + pack.groups[0]!.id,
    );
    expect(problems).toContain('golden group 1 "It all felt very real to me": speaker "Moss", expected "Jon Hamm"');
    expect(problems.some((p) => p.startsWith('extra engine group'))).toBe(true);
    expect(problems).toContain('not an utterance but extracted: a: The dress is still in my closet');
  });
});
