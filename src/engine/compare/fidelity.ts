/**
 * Outlet fidelity: across the whole pack, how often each outlet words a quote the way most outlets do
 * (its variant is `identical` or differs by typography only — same words, same punctuation marks apart
 * from quote and dash styles), and which kinds of change the rest carry.
 * Only quotes carried by at least two outlets are compared; quotes only one outlet has are counted apart.
 */

import { CHANGE_KINDS, type ChangeKind, type Pack } from '../types';

/** Kinds that still read as "word for word". */
const VERBATIM: ReadonlySet<ChangeKind> = new Set(['identical', 'typography']);

export interface OutletFidelity {
  document: string;
  outlet: string;
  /** Variants in quote groups that at least one other outlet also carries. */
  compared: number;
  /** Of those, worded as the consensus (identical or typography only). */
  asConsensus: number;
  /** How often each kind of change occurs among the differing variants, in taxonomy order. */
  kinds: { kind: ChangeKind; count: number }[];
  /** Quotes only this outlet carries (nothing to compare with). */
  unique: number;
}

export function isVerbatim(change: readonly ChangeKind[]): boolean {
  return change.every((k) => VERBATIM.has(k));
}

export function outletFidelity(pack: Pack): OutletFidelity[] {
  const rows = new Map<string, { compared: number; asConsensus: number; kinds: Map<ChangeKind, number>; unique: number }>();
  for (const d of pack.documents) rows.set(d.id, { compared: 0, asConsensus: 0, kinds: new Map(), unique: 0 });
  for (const g of pack.groups) {
    const shared = new Set(g.variants.map((v) => v.document)).size > 1;
    for (const v of g.variants) {
      const row = rows.get(v.document);
      if (!row) continue;
      if (!shared) {
        row.unique++;
        continue;
      }
      row.compared++;
      if (isVerbatim(v.change)) row.asConsensus++;
      else for (const k of v.change) if (!VERBATIM.has(k)) row.kinds.set(k, (row.kinds.get(k) ?? 0) + 1);
    }
  }
  return pack.documents.map((d) => {
    const r = rows.get(d.id)!;
    return {
      document: d.id,
      outlet: d.outlet,
      compared: r.compared,
      asConsensus: r.asConsensus,
      kinds: CHANGE_KINDS.filter((k) => r.kinds.has(k)).map((kind) => ({ kind, count: r.kinds.get(kind)! })),
      unique: r.unique,
    };
  });
}
