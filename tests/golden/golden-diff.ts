/**
 * Compares a built pack with the hand-written golden file and describes every difference in words,
 * per group: missing / extra outlets, wrong speaker or source, golden groups the engine split or missed.
 */
import type { Pack, QuoteGroup } from '../../src/engine/types';

export interface GoldenVariant {
  document: string;
  text: string;
}

export interface GoldenGroup {
  speaker: string | null;
  source: string | null;
  variants: GoldenVariant[];
}

export interface Golden {
  groups: GoldenGroup[];
  notUtterances: GoldenVariant[];
}

const key = (v: GoldenVariant): string => `${v.document}: ${v.text}`;
const short = (text: string): string => (text.length > 70 ? text.slice(0, 67) + '…' : text);

/** Every difference, as readable lines; empty when the pack matches the golden file. */
export function goldenDiff(pack: Pack, golden: Golden): string[] {
  const problems: string[] = [];
  const groupOf = new Map<string, QuoteGroup>();
  for (const g of pack.groups) for (const v of g.variants) groupOf.set(key(v), g);
  const matched = new Set<QuoteGroup>();
  golden.groups.forEach((gold, i) => {
    const label = `golden group ${i + 1} "${short(gold.variants[0]!.text)}"`;
    const found = bestMatch(gold, groupOf);
    if (!found) {
      problems.push(`${label}: missing — no engine group holds any of its wordings`);
      return;
    }
    matched.add(found);
    const want = new Set(gold.variants.map(key));
    const have = new Set(found.variants.map(key));
    for (const v of gold.variants) {
      if (!have.has(key(v))) {
        const elsewhere = groupOf.get(key(v));
        problems.push(
          `${label}: missing variant ${key(v)}${elsewhere ? ` (engine put it in ${elsewhere.id} "${short(elsewhere.consensus)}")` : ' (not extracted)'}`,
        );
      }
    }
    for (const v of found.variants) if (!want.has(key(v))) problems.push(`${label}: extra variant ${key(v)} in ${found.id}`);
    if (found.speaker !== gold.speaker)
      problems.push(`${label}: speaker ${JSON.stringify(found.speaker)}, expected ${JSON.stringify(gold.speaker)}`);
    if (found.source !== gold.source)
      problems.push(`${label}: source ${JSON.stringify(found.source)}, expected ${JSON.stringify(gold.source)}`);
  });
  for (const g of pack.groups) {
    if (!matched.has(g))
      problems.push(`extra engine group ${g.id} "${short(g.consensus)}" (${g.variants.map((v) => v.document).join(', ')})`);
  }
  for (const n of golden.notUtterances) {
    if (groupOf.has(key(n))) problems.push(`not an utterance but extracted: ${key(n)}`);
  }
  return problems;
}

/** The engine group holding most of the golden group's wordings. */
function bestMatch(gold: GoldenGroup, groupOf: ReadonlyMap<string, QuoteGroup>): QuoteGroup | null {
  const votes = new Map<QuoteGroup, number>();
  for (const v of gold.variants) {
    const g = groupOf.get(key(v));
    if (g) votes.set(g, (votes.get(g) ?? 0) + 1);
  }
  let best: QuoteGroup | null = null;
  for (const [g, n] of votes) if (!best || n > votes.get(best)!) best = g;
  return best;
}
