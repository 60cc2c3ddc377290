/** One piece of work at a time per key, in order; keys side by side; a failure reaches its caller only. */
import { describe, expect, it } from 'vitest';
import { perKeyQueue } from '../../../src/background/per-key-queue';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('perKeyQueue', () => {
  it('runs one key’s work in order, other keys meanwhile, and a failure does not stop the queue', async () => {
    const run = perKeyQueue<number>();
    const log: string[] = [];
    let release = (): void => {};
    const first = run(1, async () => {
      log.push('1a start');
      await new Promise<void>((r) => (release = r));
      log.push('1a end');
      throw new Error('1a failed');
    });
    const second = run(1, async () => (log.push('1b'), 'b'));
    const other = run(2, async () => (log.push('2a'), 'other'));
    await tick();
    expect(log).toEqual(['1a start', '2a']);
    expect(await other).toBe('other');
    release();
    await expect(first).rejects.toThrow('1a failed');
    expect(await second).toBe('b');
    expect(log).toEqual(['1a start', '2a', '1a end', '1b']);
  });
});
