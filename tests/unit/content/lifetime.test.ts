import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimPage, LIFETIME_PORT, UNLOAD_SETTLE_MS, type PageRuntime } from '../../../src/content/lifetime';

afterEach(() => void vi.useRealTimers());

type Listener = (message: unknown) => Promise<unknown> | undefined;

/** A runtime whose background can send messages, drop the port (worker stopped) or go away (extension unloaded). */
function fakeRuntime() {
  const listeners = new Set<Listener>();
  const ports: { name: string; disconnect: () => void; drop: () => void; closed: boolean }[] = [];
  let id: string | undefined = 'verbatim-test';
  const runtime: PageRuntime = {
    get id() {
      return id;
    },
    connect({ name }) {
      if (!id) throw new Error('Extension context invalidated.');
      const dropped: (() => void)[] = [];
      const port = {
        name,
        closed: false,
        onDisconnect: { addListener: (l: () => void) => dropped.push(l) },
        disconnect: () => void (port.closed = true),
        drop: () => dropped.forEach((l) => l()),
      };
      ports.push(port);
      return port;
    },
    onMessage: { addListener: (l) => void listeners.add(l), removeListener: (l) => void listeners.delete(l) },
  };
  return {
    runtime,
    ports,
    listeners,
    /** Every listener's answer (undefined: not handled). */
    send: (message: unknown): Promise<unknown[]> => Promise.all([...listeners].map(async (l) => l(message))),
    unload: () => {
      id = undefined;
      ports.forEach((p) => p.drop());
    },
    /** As Chromium does it: the port drops first, the runtime id goes a moment later. */
    unloadPortFirst: () => {
      ports.forEach((p) => p.drop());
      id = undefined;
    },
  };
}

describe('one highlighter per page', () => {
  it('ends when the background tells it to retire, and answers so', async () => {
    const ext = fakeRuntime();
    const owner = claimPage(ext.runtime);
    expect(await ext.send({ type: 'ping' })).toEqual([undefined]);
    expect(owner.signal.aborted).toBe(false);
    expect(await ext.send({ type: 'retire' })).toEqual([true]);
    expect(owner.signal.aborted).toBe(true);
    expect(ext.listeners.size).toBe(0);
    expect(ext.ports.map((p) => [p.name, p.closed])).toEqual([[LIFETIME_PORT, true]]);
  });

  it('no DOM event ends it, whatever its name or target', () => {
    const ext = fakeRuntime();
    const owner = claimPage(ext.runtime);
    for (const name of [`verbatim:${ext.runtime.id}:highlighter-started`, 'verbatim:highlighter-started', 'retire'])
      for (const target of [document, window, document.documentElement]) target.dispatchEvent(new CustomEvent(name, { bubbles: true }));
    window.postMessage({ type: 'retire' }, '*');
    expect(owner.signal.aborted).toBe(false);
  });

  it('ends itself when its extension is unloaded (port dropped, runtime gone)', () => {
    const ext = fakeRuntime();
    const owner = claimPage(ext.runtime);
    ext.unload();
    expect(owner.signal.aborted).toBe(true);
  });

  it('ends itself when the port drops a moment before its runtime goes (Chromium)', () => {
    vi.useFakeTimers();
    const ext = fakeRuntime();
    const owner = claimPage(ext.runtime);
    ext.unloadPortFirst();
    expect(owner.signal.aborted).toBe(false);
    vi.advanceTimersByTime(UNLOAD_SETTLE_MS);
    expect(owner.signal.aborted).toBe(true);
  });

  it('outlives a stopped worker (port dropped, runtime there) and watches again once the background speaks', () => {
    vi.useFakeTimers();
    const ext = fakeRuntime();
    const owner = claimPage(ext.runtime);
    ext.ports[0]!.drop();
    vi.advanceTimersByTime(UNLOAD_SETTLE_MS * 2);
    expect(owner.signal.aborted).toBe(false);
    expect(ext.ports).toHaveLength(1);
    void ext.send({ type: 'ping' });
    expect(ext.ports).toHaveLength(2);
    void ext.send({ type: 'ping' });
    expect(ext.ports).toHaveLength(2); // one port at a time
    ext.unload();
    expect(owner.signal.aborted).toBe(true);
  });

  it('a copy started after its extension was unloaded ends at once', () => {
    const ext = fakeRuntime();
    ext.unload();
    expect(claimPage(ext.runtime).signal.aborted).toBe(true);
  });
});
