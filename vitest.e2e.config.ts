import { defineConfig } from 'vitest/config';

// Real browsers: one file at a time (2 cores), generous timeouts, no fake DOM.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Real browsers on a shared 2-core machine: a test that fails is run once more before it counts,
    // so a load spike does not fail CI; a real regression fails both times.
    retry: 1,
  },
});
