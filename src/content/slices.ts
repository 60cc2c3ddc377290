/**
 * Cuts long work into short main-thread tasks. Pages must never see a task over 50 ms from Verbatim
 * (docs/performance.md), so work runs in slices of at most `SLICE_MS`, when the page is idle, and a
 * slice yields back to the page before the next one.
 */
import { ownedTimeout, type Owner } from './owner';

/**
 * Longest slice; well under the 50 ms long-task line because a slice's task can also carry a GC pause
 * (28–40 ms seen on the 1 MB page on a slow machine) or one forced style recalculation. (5 ms was tried:
 * marking a 2 kB article then took too many idle periods in Firefox for "highlighted shortly after load".)
 */
export const SLICE_MS = 8;
/** Idle callbacks are not promised on a busy page; after this long a slice runs anyway. */
const IDLE_TIMEOUT_MS = 100;

export type Deadline = () => boolean;

/** Resolves when the page is idle (or after IDLE_TIMEOUT_MS); never resolves once the owner ended. */
export function idle(owner: Owner, win: Window = window): Promise<void> {
  return new Promise((resolve) => {
    if (owner.signal.aborted) return;
    if (typeof win.requestIdleCallback === 'function') {
      const cancel = () => win.cancelIdleCallback(id);
      const id = win.requestIdleCallback(
        () => {
          owner.signal.removeEventListener('abort', cancel);
          if (!owner.signal.aborted) resolve();
        },
        { timeout: IDLE_TIMEOUT_MS },
      );
      owner.signal.addEventListener('abort', cancel, { once: true });
    } else ownedTimeout(owner, resolve, 0, win);
  });
}

/** A deadline `ms` from now. */
export function deadlineIn(ms = SLICE_MS, now: () => number = () => performance.now()): Deadline {
  const end = now() + ms;
  return () => now() >= end;
}

/**
 * Calls `work(deadline)` in idle slices until it returns true. Returns the main-thread time the
 * work itself used (the sum of the slices, not the wall time in between). `now`: the first slice runs in
 * the current task instead of waiting for idle time (work that is usually one short slice: a task and an
 * idle wait saved; a long job still yields after its first slice).
 */
export async function sliced(
  owner: Owner,
  work: (deadline: Deadline) => boolean,
  win: Window = window,
  { now = false }: { now?: boolean } = {},
): Promise<number> {
  let busy = 0;
  for (let first = true; ; first = false) {
    if (!(first && now)) await idle(owner, win);
    else if (owner.signal.aborted) return busy;
    const started = performance.now();
    const done = work(deadlineIn(SLICE_MS));
    busy += performance.now() - started;
    if (done) return busy;
  }
}
