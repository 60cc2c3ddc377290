/** The engine on the bundled corpus against tests/golden/quotes.golden.json (written by hand). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPackFromDir } from '../../../../src/node/corpus-dir';
import { goldenDiff, type Golden } from '../../../golden/golden-diff';
import { ROOT } from '../../../support/repo';

const root = ROOT + '/';
const golden = JSON.parse(readFileSync(`${root}tests/golden/quotes.golden.json`, 'utf8')) as Golden;

describe('bundled corpus vs golden file', () => {
  it('every golden wording is verbatim in its article (checks the golden file itself)', () => {
    for (const g of golden.groups) {
      for (const v of g.variants) expect(readFileSync(`${root}assets/corpus/${v.document}.txt`, 'utf8')).toContain(v.text);
    }
  });

  it('the engine finds exactly the golden groups, speakers and sources', async () => {
    const pack = await buildPackFromDir(`${root}assets/corpus`);
    const problems = goldenDiff(pack, golden);
    expect(problems, `engine differs from the golden file:\n  ${problems.join('\n  ')}`).toEqual([]);
  });

  it('variant offsets point at the exact wording', async () => {
    const pack = await buildPackFromDir(`${root}assets/corpus`);
    for (const g of pack.groups) {
      for (const v of g.variants) {
        const text = readFileSync(`${root}assets/corpus/${v.document}.txt`, 'utf8');
        expect(text.slice(v.start, v.end)).toBe(v.text);
      }
    }
  });
});
