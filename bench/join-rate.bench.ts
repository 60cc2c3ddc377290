/**
 * Learning's join rate on unseen pages of one interview (tests/support/learn-pages.ts): 15 generated
 * pages per seed, added to the bundled pack with `learn` (what `verbatim learn` runs), scored by
 * tests/support/learn-score.ts: the share of their corpus quotes in the right group, groups holding two
 * utterances, quotes put in another utterance's group, titles and scare quotes grouped. `--misses` lists the quotes that did not join.
 * Target (issue "learning joins too few quotes"): ≥ 95 %, 0 merged, 0 decoys.
 */
import { loadLexicon } from '../src/node/lexicon';
import { bundledPack } from '../tests/support/corpus';
import { generatePages } from '../tests/support/learn-pages';
import { scoreLearning } from '../tests/support/learn-score';

const SEEDS = [1, 2, 3, 4, 5];

export async function run(): Promise<void> {
  const pack = await bundledPack();
  // As `verbatim learn` and the extension group: with the matcher's synonyms (`--exact`: without them).
  const lexicon = process.argv.includes('--exact') ? undefined : loadLexicon();
  let quotes = 0;
  let joined = 0;
  for (const seed of SEEDS) {
    const s = scoreLearning(pack, generatePages(pack, 'Vanity Fair interview', 15, seed), lexicon);
    quotes += s.quotes;
    joined += s.joined;
    const rate = ((100 * s.joined) / s.quotes).toFixed(1);
    console.log(
      `seed ${seed}: ${s.joined}/${s.quotes} joined (${rate} %), merged groups ${s.merged}, joined a wrong group ${s.wrong}, titles/scare quotes grouped ${s.decoys}`,
    );
    if (process.argv.includes('--misses')) for (const m of s.misses) console.log(`    ${m.how.padEnd(22)} ${m.text}`);
  }
  console.log(`all seeds: ${joined}/${quotes} joined (${((100 * joined) / quotes).toFixed(1)} %)`);
}
