/** When passes run: page changes coalesced into one pass, and passes that never overlap. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_WAIT_MS, SETTLE_MS, schedulePasses } from '../../../src/content/passes';

let owner: AbortController;
beforeEach(() => {
  vi.useFakeTimers();
  owner = new AbortController();
});
afterEach(() => {
  owner.abort();
  vi.useRealTimers();
});

/** A pass that records when it started and finishes when the test says so. */
function controlledPass() {
  const started: number[] = [];
  const finish: (() => void)[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const pass = vi.fn(async () => {
    started.push(performance.now());
    running++;
    mostAtOnce = Math.max(mostAtOnce, running);
    await new Promise<void>((resolve) => finish.push(resolve));
    running--;
  });
  return { pass, started, finishNext: () => finish.shift()?.(), mostAtOnce: () => mostAtOnce };
}

describe('schedulePasses', () => {
  it('runs one pass SETTLE_MS after a single change', async () => {
    const { pass, started } = controlledPass();
    const t0 = performance.now();
    schedulePasses(owner, pass).changed();
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 1);
    expect(pass).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(started.map((t) => t - t0)).toEqual([SETTLE_MS]);
  });

  it('coalesces a burst of changes into one pass, started no later than MAX_WAIT_MS after the first', async () => {
    const t0 = performance.now();
    const started: number[] = [];
    const passes = schedulePasses(owner, async () => void started.push(performance.now() - t0));
    // A change every 50 ms: never SETTLE_MS of quiet, so only the max wait ends the burst.
    for (let i = 0; i < 6; i++) {
      passes.changed();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(started).toEqual([MAX_WAIT_MS]);
    // The burst went on after that pass: its changes (300 to 450 ms) open a new window, again one pass.
    for (let i = 0; i < 4; i++) {
      passes.changed();
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(started).toEqual([MAX_WAIT_MS, 450 + SETTLE_MS]);
  });

  it('never overlaps passes: asks during a pass run it exactly once more, after it', async () => {
    const { pass, finishNext, mostAtOnce } = controlledPass();
    const passes = schedulePasses(owner, pass);
    const first = passes.run();
    // Three asks while the first pass runs (a refresh, settled page changes, a navigation); an ask
    // that only queues a pass does not wait for it.
    let answered = false;
    void passes.run().then(() => (answered = true));
    passes.changed();
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
    void passes.run();
    expect(answered).toBe(true);
    expect(pass).toHaveBeenCalledTimes(1);
    finishNext();
    await vi.advanceTimersByTimeAsync(0);
    expect(pass).toHaveBeenCalledTimes(2);
    finishNext();
    await first;
    expect(pass).toHaveBeenCalledTimes(2);
    expect(mostAtOnce()).toBe(1);
    // Idle again: the next ask runs at once.
    void passes.run();
    expect(pass).toHaveBeenCalledTimes(3);
    finishNext();
  });

  it('stops when its owner ends: no pending pass fires, no queued pass runs', async () => {
    const { pass, finishNext } = controlledPass();
    const passes = schedulePasses(owner, pass);
    const first = passes.run();
    void passes.run(); // queued
    passes.changed(); // pending timer
    owner.abort();
    finishNext();
    await first;
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS * 2);
    expect(pass).toHaveBeenCalledTimes(1);
  });
});
