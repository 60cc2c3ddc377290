import { describe, expect, it } from 'vitest';
import { claimPage } from '../../../src/content/lifetime';

describe('one highlighter per page', () => {
  it('a later copy ends the one already there, never itself', () => {
    const first = claimPage(document, 'test:started');
    expect(first.signal.aborted).toBe(false);
    const second = claimPage(document, 'test:started');
    expect(first.signal.aborted).toBe(true);
    expect(second.signal.aborted).toBe(false);
    const third = claimPage(document, 'test:started');
    expect(second.signal.aborted).toBe(true);
    expect(third.signal.aborted).toBe(false);
    document.dispatchEvent(new CustomEvent('test:started'));
    expect(third.signal.aborted).toBe(true);
  });
});
