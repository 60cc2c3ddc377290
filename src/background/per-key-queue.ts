/**
 * Work for one key (a tab) runs one piece at a time, in the order it was asked for; different keys run
 * side by side. A failure goes to the caller of that piece and does not stop the queue. A key whose
 * queue has run dry is forgotten, so closed tabs leave nothing behind.
 */
export function perKeyQueue<K>(): <T>(key: K, work: () => Promise<T>) => Promise<T> {
  const tails = new Map<K, Promise<unknown>>();
  return (key, work) => {
    const next = (tails.get(key) ?? Promise.resolve()).then(work, work);
    const tail = next.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => tails.get(key) === tail && tails.delete(key));
    return next;
  };
}
