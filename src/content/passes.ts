/**
 * When passes run. Page changes are coalesced into one pass, and passes never overlap: a pass asked
 * for while one runs is run once more after it (however many asked), so a pass always starts from a
 * page the previous one has finished marking.
 */
import { ownedTimeout, type Owner } from './owner';
import { now } from './timings';

/** Quiet time after the last page change before a pass starts… */
export const SETTLE_MS = 120;
/** …but never later than this after the first one, so new quotes show within half a second. */
export const MAX_WAIT_MS = 300;

export interface PassSchedule {
  /** Runs a pass now, or once more after the running one (then it resolves at once). */
  run(): Promise<void>;
  /** The page changed: one pass SETTLE_MS after changes stop, or MAX_WAIT_MS after they started. */
  changed(): void;
}

export function schedulePasses(owner: Owner, pass: () => Promise<void>, win: Window = window): PassSchedule {
  let running = false;
  let again = false;
  let cancelSettle: (() => void) | null = null;
  let firstChangeAt = 0;

  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await pass();
      } while (again && !owner.signal.aborted);
    } finally {
      running = false;
    }
  };

  const changed = (): void => {
    const t = now();
    if (!cancelSettle) firstChangeAt = t;
    cancelSettle?.();
    const wait = Math.max(0, Math.min(SETTLE_MS, firstChangeAt + MAX_WAIT_MS - t));
    cancelSettle = ownedTimeout(
      owner,
      () => {
        cancelSettle = null;
        void run();
      },
      wait,
      win,
    );
  };

  return { run, changed };
}
