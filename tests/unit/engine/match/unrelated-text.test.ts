/**
 * Precision on a large body of unrelated English: the README files of installed packages
 * (megabytes of prose and code that share every common word with the quotes). Nothing may match.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { matchQuotes } from '../../../../src/engine/match/match';
import type { PackIndex } from '../../../../src/engine/match/pack-index';
import { indexPack, loadPack } from './fixture-eval';
import { ROOT } from '../../../support/repo';

let index: PackIndex;
beforeAll(async () => {
  index = indexPack((await loadPack()).pack);
});

it('finds no corpus quote in unrelated READMEs', () => {
  const out = execFileSync('find', [join(ROOT, 'node_modules'), '-maxdepth', '3', '-iname', 'README.md', '-size', '+4k'], {
    encoding: 'utf8',
  });
  const files = out.trim().split('\n').filter(Boolean).sort().slice(0, 150);
  expect(files.length).toBeGreaterThan(20);
  const hits: string[] = [];
  let bytes = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes += text.length;
    for (const m of matchQuotes(index, text)) hits.push(`${file}: ${m.text}`);
  }
  console.log(`[unrelated] ${files.length} READMEs, ${(bytes / 1e6).toFixed(1)} MB, ${hits.length} matches`);
  expect(hits).toEqual([]);
});
