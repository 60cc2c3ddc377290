/**
 * Seeded stress test: every pack sentence of 6+ words, with k random word edits (substitute, drop,
 * insert a word from unrelated English), between two runs of unrelated text. Recall falls with k;
 * wrong highlights must stay at zero whatever k.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { matchQuotes } from '../../../../src/engine/match/match';
import type { PackIndex } from '../../../../src/engine/match/pack-index';
import type { Pack } from '../../../../src/engine/types';
import { indexPack, loadPack } from './fixture-eval';
import { ROOT } from '../../../support/repo';

let pack: Pack;
let index: PackIndex;
beforeAll(async () => {
  pack = (await loadPack()).pack;
  index = indexPack(pack);
});

const filler = readFileSync(join(ROOT, 'node_modules/typescript/README.md'), 'utf8')
  .split(/\s+/)
  .filter((w) => /^[a-z]+$/.test(w));

it('finds edited quotes and never highlights the wrong text', () => {
  let seed = 42;
  const rand = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const pick = (): string => filler[Math.floor(rand() * filler.length)]!;
  const recall: number[] = [];
  let wrong = 0;
  for (let edits = 0; edits <= 3; edits++) {
    let found = 0;
    let total = 0;
    for (let trial = 0; trial < 4; trial++) {
      for (const g of pack.groups) {
        const words = g.consensus.split(' ');
        if (words.length < 6) continue;
        for (let e = 0; e < edits; e++) {
          const k = Math.floor(rand() * words.length);
          const op = rand();
          if (op < 0.5) words[k] = pick();
          else if (op < 0.75) words.splice(k, 1);
          else words.splice(k, 0, pick());
        }
        const before = `${Array.from({ length: 40 }, pick).join(' ')}. `;
        const page = `${before}${words.join(' ')} ${Array.from({ length: 40 }, pick).join(' ')}`;
        const ms = matchQuotes(index, page);
        total++;
        if (ms.some((m) => m.group === g.id)) found++;
        wrong += ms.filter((m) => m.group !== g.id || m.end <= before.length).length;
      }
    }
    recall.push(found / total);
  }
  console.log(`[random edits] recall by edits 0..3: ${recall.map((r) => r.toFixed(2)).join(' ')} · wrong ${wrong}`);
  expect(wrong).toBe(0);
  expect(recall[0]).toBe(1);
  expect(recall[1]).toBeGreaterThanOrEqual(0.75);
});
