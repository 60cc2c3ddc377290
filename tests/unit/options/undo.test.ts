/** The options page's undo bar: the offer, its focus, its expiry, and Undo sending back exactly what was removed. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RemovedItems } from '../../../src/shared/messages';
import { undoBar } from '../../../src/options/undo';
import { stubI18n } from '../shared/i18n-stub';

const sent = vi.hoisted(() => [] as unknown[]);
vi.mock('../../../src/shared/messages', () => ({
  send: (message: unknown) => {
    sent.push(message);
    return Promise.resolve(true);
  },
}));

const removed = { packs: [{ id: 'p', pack: {} as RemovedItems['packs'][0]['pack'], imported: '2026-11-30T10:00:00.000Z' }], articles: [] };

beforeEach(() => {
  fakeBrowser.reset();
  stubI18n();
  document.body.replaceChildren();
});

describe('undo bar', () => {
  it('offers Undo with focus on it, and withdraws the offer after its time', async () => {
    vi.useFakeTimers();
    try {
      const bar = undoBar('undo', async () => undefined, 1000);
      document.body.append(bar.element);
      bar.offer('p', removed);
      const button = bar.element.querySelector('button')!;
      expect([bar.element.textContent, button.hidden, document.activeElement === button]).toEqual(['Removed p. Undo', false, true]);
      await vi.advanceTimersByTimeAsync(1001);
      expect([bar.element.querySelector('span')!.textContent, button.hidden]).toEqual(['', true]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('Undo sends back the very records the removal answered, redraws, says so and focuses the restored row', async () => {
    const restoredRow = Object.assign(document.createElement('button'), { id: 'row' });
    const restored = vi.fn(async () => void document.body.append(restoredRow));
    const bar = undoBar('undo', restored);
    document.body.append(bar.element);
    bar.offer('p', removed, '#row');
    bar.element.querySelector('button')!.click();
    await vi.waitFor(() => expect(bar.element.textContent).toContain('Put back p.'));
    expect(sent).toEqual([{ type: 'restore', removed }]);
    expect(restored).toHaveBeenCalledOnce();
    expect(document.activeElement).toBe(restoredRow);
  });
});
