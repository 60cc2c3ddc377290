/**
 * Group ids: `g-` + FNV-1a hash of the consensus words, so an id stays the same when outlets are added
 * and the consensus does not change; "-2", "-3" on a clash, given in pack order. The id is the DOM
 * contract `data-verbatim-group` and what `verbatim quotes --json` prints.
 */
import { wordKeys } from '../normalize';

/** The id a group would have without a clash. */
export function idBase(consensus: string): string {
  return `g-${fnv1a(wordKeys(consensus).join(' '))}`;
}

/** Ids for groups in pack order, from their bases. */
export function assignIds(bases: readonly string[]): string[] {
  const used = new Set<string>();
  return bases.map((base) => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
