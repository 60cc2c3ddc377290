/**
 * `npm run test:fuzz`: the long property-test run. 50 000 generated pages as ten seeded batches of
 * 5 000, each in a fresh vitest process (a single happy-dom window over 50 000 pages exhausts the heap).
 * A failing batch prints its seed, so it can be replayed: VERBATIM_FUZZ_SEED=S VERBATIM_FUZZ_RUNS=5000 npx vitest run tests/unit/content/highlight.property.test.ts
 */
import { spawnSync } from 'node:child_process';

const BATCHES = Number(process.env.VERBATIM_FUZZ_BATCHES ?? 10);
const PER_BATCH = Number(process.env.VERBATIM_FUZZ_RUNS ?? 5000);
const base = Number(process.env.VERBATIM_FUZZ_SEED ?? Date.now() % 1_000_000);

for (let b = 0; b < BATCHES; b++) {
  const seed = base + b;
  console.log(`batch ${b + 1}/${BATCHES}: ${PER_BATCH} pages, seed ${seed}`);
  const result = spawnSync('npx', ['vitest', 'run', 'tests/unit/content/highlight.property.test.ts'], {
    stdio: 'inherit',
    env: { ...process.env, VERBATIM_FUZZ_RUNS: String(PER_BATCH), VERBATIM_FUZZ_SEED: String(seed) },
  });
  if (result.status !== 0) {
    console.error(`batch with seed ${seed} failed`);
    process.exit(result.status ?? 1);
  }
}
console.log(`${BATCHES * PER_BATCH} generated pages, every invariant held`);
