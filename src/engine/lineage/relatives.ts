/**
 * Each article's closest relative (DocumentLineage.closest), from the article tree's facts: a credit
 * wins; otherwise the nearest wording among the documents it may follow (closest.ts ranks them), the
 * original itself when the corpus has it; a tie that nothing breaks is stated, not guessed.
 */
import { wordKeys } from '../normalize';
import { articleDistance, distanceConfidence, rankRelatives, wordingsOf, type Ranked } from './closest';
import { round2 } from './confidence';
import type { GroupModel } from './edges';
import type { DocumentLineage } from './lineage';
import { DISTINCTIVE, KIND_WEIGHT } from './weights';

/** What the lineage context tells about documents, as this module needs it. */
export interface RelativesContext {
  name(id: string | null): string;
  /** `child` may follow `parent`: not dated later, not a leaf. */
  allowed(parent: string, child: string): boolean;
  /** The credit phrase by which `child` names `parent`, if any. */
  credit(child: string, parent: string): string | undefined;
  refused(child: string): readonly string[];
  sameSite(a: string, b: string): boolean;
  /** The document's address reads as an AMP (or other accelerated) copy of a page. */
  ampCopy(id: string): boolean;
  /** When the document was published (ms), Infinity when unknown. */
  published(id: string): number;
}

/** Distinctive readings shared and against, over the quotes two documents both carry. */
export interface PairSum {
  cost: number;
  shared: number;
  against: number;
  /** The article's own distinctive readings the candidate lacks, inside the words the candidate has. */
  own: number;
  groups: number;
}

export interface Nearness {
  /** Each document's wording per group (index), as word keys. */
  words: Map<string, Map<number, string[]>>;
  /** The original's wording, for the groups whose original is in the corpus. */
  reference: Map<number, string[]>;
  /** Each document's distinctive readings against the root, per group. */
  drift: Map<string, Map<number, number>>;
  /** Each document's readings of every kind, per group (`at|value`). */
  readings: Map<string, Map<number, Set<string>>>;
}

export function nearness(models: readonly GroupModel[]): Nearness {
  const reference = new Map<number, string[]>();
  const drift = new Map<string, Map<number, number>>();
  const readings = new Map<string, Map<number, Set<string>>>();
  models.forEach((m, g) => {
    if (m.original) reference.set(g, wordKeys(m.reference));
    for (const node of m.nodes) {
      if (!drift.has(node.document)) drift.set(node.document, new Map());
      if (!readings.has(node.document)) readings.set(node.document, new Map());
      readings.get(node.document)!.set(g, new Set([...node.witness.readings.values()].map((r) => `${r.at}|${r.value}`)));
      const n = [...node.witness.readings.values()].filter((r) => KIND_WEIGHT[r.kind] >= DISTINCTIVE).length;
      drift.get(node.document)!.set(g, n);
    }
  });
  return { words: wordingsOf(models), reference, drift, readings };
}

function facts(ctx: RelativesContext, near: Nearness, id: string, child: string, sum: PairSum, treeParent: string | null): Ranked['facts'] {
  let drift = 0;
  let fine = 0;
  for (const [g, mine] of near.readings.get(child) ?? []) {
    drift += near.drift.get(id)?.get(g) ?? 0;
    const theirs = near.readings.get(id)?.get(g);
    if (!theirs) continue;
    for (const r of mine) if (!theirs.has(r)) fine++;
    for (const r of theirs) if (!mine.has(r)) fine++;
  }
  return {
    shared: sum.shared,
    treeParent: id === treeParent,
    sameSite: ctx.sameSite(id, child),
    fine,
    drift,
    published: ctx.published(id),
  };
}

/** Facts of a candidate that distance alone rules out. */
const FAR: Ranked['facts'] = { shared: 0, treeParent: false, sameSite: false, fine: 0, drift: 0, published: Number.POSITIVE_INFINITY };

/** The closest relative of one article: a credit, else the nearest wording (closest.ts), else a stated tie. */
export function closestOf(
  ctx: RelativesContext,
  near: Nearness,
  child: string,
  treeParent: string | null,
  row: ReadonlyMap<string, PairSum> | undefined,
  treeConfidence: number,
): DocumentLineage {
  const evidence = [...ctx.refused(child)];
  const follows = (id: string, confidence: number): DocumentLineage => {
    const sum = row!.get(id)!;
    evidence.push(
      `wording follows ${ctx.name(id)}: ${sum.shared} shared reading${sum.shared === 1 ? '' : 's'}, ${sum.against} against, over ${sum.groups} quote${sum.groups === 1 ? '' : 's'}`,
    );
    return { document: child, closest: { document: id, shared: sum.shared, against: sum.against, confidence }, evidence };
  };
  const credit = treeParent === null ? undefined : ctx.credit(child, treeParent);
  if (treeParent !== null && credit !== undefined) {
    evidence.push(`credits ${ctx.name(treeParent)}: “${credit}”`);
    return follows(treeParent, 1);
  }
  const mine = near.words.get(child) ?? new Map<number, string[]>();
  const candidates: Ranked[] = [];
  const distances: { id: string; distance: number; descendant: boolean }[] = [];
  for (const [id, sum] of row ?? []) {
    // A reading of the candidate's that this article lacks: it would have inherited it from an ancestor.
    if (ctx.allowed(id, child))
      distances.push({
        id,
        distance: articleDistance(mine, near.words.get(id)!) + sum.against,
        descendant: sum.own === 0 && sum.against > 0,
      });
  }
  // Only the nearest can win; the rest count for the margin, so their facts are not worth computing.
  const first = distances.some((d) => !d.descendant) ? distances.filter((d) => !d.descendant) : distances;
  const nearest = Math.min(...first.map((d) => d.distance));
  for (const { id, distance, descendant } of distances) {
    const f = distance === nearest && first.some((d) => d.id === id) ? facts(ctx, near, id, child, row!.get(id)!, treeParent) : FAR;
    candidates.push({ document: id, distance, descendant, facts: f });
  }
  if ([...mine.keys()].some((g) => near.reference.has(g))) {
    const none = { shared: 0, treeParent: treeParent === null, sameSite: false, fine: 0, drift: 0, published: Number.NEGATIVE_INFINITY };
    candidates.push({ document: null, distance: articleDistance(mine, near.reference), descendant: false, facts: none });
  }
  const ranked = rankRelatives(candidates);
  const { tied } = ranked;
  const page = samePage(ctx, near, tied);
  const best = page ?? ranked.best;
  // One page at two addresses is one candidate: how sure is then how far the next other page is.
  const margin = page ? Math.min(...candidates.filter((c) => !tied.includes(c)).map((c) => c.distance - page.distance)) : ranked.margin;
  if (page)
    evidence.push(
      `${tied.map((t) => ctx.name(t.document)).join(' and ')} are one page at ${tied.length} addresses: named by the canonical one`,
    );
  else if (tied.length) {
    const names = tied.map((t) => ctx.name(t.document));
    evidence.push(
      `tied: ${names.join(' and ')} are equally near (${tied[0]!.distance}: word edits plus their readings this article lacks) and nothing else tells them apart`,
    );
    return { document: child, closest: null, tied: tied.map((t) => t.document ?? 'original'), evidence };
  }
  if (!best || best.document === null) {
    evidence.push(
      best
        ? 'follows the original: its wording is nearer to it than to any other document'
        : 'an independent transcription: no earlier document quotes its words',
    );
    return { document: child, closest: null, evidence };
  }
  // Every candidate reads as this article's copy: the nearest is named, but nothing says it came first.
  if (best.descendant) evidence.push('every document it may follow has its wording and changes of its own: it may be their source');
  const confidence = best.descendant
    ? 0
    : best.document === treeParent
      ? Math.max(treeConfidence, distanceConfidence(margin))
      : distanceConfidence(margin);
  const next = Number.isFinite(margin) ? `the next ${margin} more` : 'no other candidate';
  evidence.push(`nearest wording: ${best.distance} apart (word edits plus its readings this article lacks), ${next}`);
  return follows(best.document, round2(confidence));
}

/**
 * Tied candidates that are one page at several addresses (an AMP copy and its canonical page: same site,
 * the same words): one source, named by the address that is not the AMP copy (else the first).
 */
function samePage(ctx: RelativesContext, near: Nearness, tied: readonly Ranked[]): Ranked | null {
  const [head, ...rest] = tied;
  if (!head?.document || rest.length === 0) return null;
  const words = near.words.get(head.document)!;
  const same = rest.every(
    (t) => t.document !== null && ctx.sameSite(head.document!, t.document) && articleDistance(words, near.words.get(t.document)!) === 0,
  );
  if (!same) return null;
  return [...tied].sort(
    (a, b) => Number(ctx.ampCopy(a.document!)) - Number(ctx.ampCopy(b.document!)) || (a.document! < b.document! ? -1 : 1),
  )[0]!;
}
