/** The popup waits for an analysis on its way, and only for that (src/popup/await-analysis.ts). */
import { describe, expect, it } from 'vitest';
import { awaitAnalysis, type AnalysisProbe } from '../../../src/popup/await-analysis';
import type { TabState } from '../../../src/shared/messages';

const STATE = { at: 1 } as TabState;

/** A probe on a fake clock: `arrives` ms after opening the state exists; the page loads at `loaded`. */
function probe(p: { arrives?: number; loaded: number; highlighter: boolean }): AnalysisProbe & { calls: number; clock: () => number } {
  let t = 0;
  const self = {
    calls: 0,
    clock: () => t,
    now: () => t,
    sleep: async (ms: number) => void (t += ms),
    state: async () => (self.calls++, p.arrives !== undefined && t >= p.arrives ? STATE : null),
    loading: async () => t < p.loaded,
    highlighter: async () => p.highlighter,
  };
  return self;
}

describe('awaitAnalysis', () => {
  it('returns the state as soon as it is there', async () => {
    const p = probe({ arrives: 0, loaded: 0, highlighter: false });
    expect(await awaitAnalysis(p)).toBe(STATE);
    expect(p.calls).toBe(1);
  });

  it('waits while the page loads, then for its highlighter, and returns the state it reports', async () => {
    const p = probe({ arrives: 3200, loaded: 3000, highlighter: true });
    expect(await awaitAnalysis(p)).toBe(STATE);
    expect(p.clock()).toBeGreaterThanOrEqual(3200);
    expect(p.clock()).toBeLessThan(3400);
  });

  it('gives up after the grace period on a loaded page where no highlighter runs (the gate said no)', async () => {
    const p = probe({ loaded: 0, highlighter: false });
    expect(await awaitAnalysis(p, { grace: 1500 })).toBeNull();
    expect(p.clock()).toBeGreaterThanOrEqual(1500);
    expect(p.clock()).toBeLessThan(1700);
  });

  it('stops at `max` when a highlighter never reports', async () => {
    const p = probe({ loaded: 0, highlighter: true });
    expect(await awaitAnalysis(p, { max: 4000 })).toBeNull();
    expect(p.clock()).toBeGreaterThanOrEqual(4000);
    expect(p.clock()).toBeLessThan(4200);
  });
});
