/**
 * What every long-lived thing in the content script hangs off: one AbortSignal
 * (./lifetime.ts in the extension, a plain AbortController in tests), so an extension
 * reload or update, or switching the highlighter off, stops every listener, observer and timer at once.
 */
export interface Owner {
  signal: AbortSignal;
}

/** Runs `dispose` when the owner ends (at once if it already has). */
export function onDispose(owner: Owner, dispose: () => void): void {
  if (owner.signal.aborted) dispose();
  else owner.signal.addEventListener('abort', dispose, { once: true });
}

/** A timeout that is cleared when the owner ends. One abort listener per timer, removed when it fires. */
export function ownedTimeout(owner: Owner, handler: () => void, ms: number, win: Window = window): () => void {
  if (owner.signal.aborted) return () => undefined;
  const cancel = () => win.clearTimeout(id);
  const id = win.setTimeout(() => {
    owner.signal.removeEventListener('abort', cancel);
    if (!owner.signal.aborted) handler();
  }, ms);
  owner.signal.addEventListener('abort', cancel, { once: true });
  return () => {
    cancel();
    owner.signal.removeEventListener('abort', cancel);
  };
}
