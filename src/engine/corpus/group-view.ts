/**
 * One utterance's units → its `QuoteGroup`: variants (adjacent pieces of one sentence are one variant
 * again), the consensus wording, the speaker and source most articles give, and each variant's change
 * kinds against the consensus. Pure and deterministic: units come in the corpus's document order.
 */
import { classifyChange } from '../compare/classify';
import type { QuoteGroup, Variant } from '../types';
import { consensusIndex } from '../consensus';
import { sourceOrg } from './sources';

/** A unit of the group, with what the group needs to know about it. */
export interface GroupUnit {
  /** The article's id, and its position in the corpus's document order. */
  document: string;
  docOrder: number;
  /** Position among the article's current units (text order). */
  position: number;
  sentence: number;
  start: number;
  end: number;
  text: string;
  /** The article's text between the previous piece of the same sentence and this one ('' for a first piece). */
  lead: string;
  keys: readonly string[];
  /** Units the article's sentence is cut into (ellipses): fewer here means the outlet merged utterances. */
  piecesInSentence: number;
  /** Known to be merged already (a pack's variant). */
  merged: boolean;
  /** The speaker already in the corpus's spelling, and the stated source. */
  speaker: string | null;
  source: string | null;
}

/** A group without its id (ids are given over the whole pack: group-ids.ts). */
export type DraftGroup = Omit<QuoteGroup, 'id'>;

interface DraftVariant {
  unit: GroupUnit;
  /** The last unit coalesced into it, and the text from the first's end to the last's end. */
  last: GroupUnit;
  extra: string;
  end: number;
  keys: string[];
  count: number;
}

export function groupView(units: readonly GroupUnit[]): DraftGroup {
  const sorted = [...units].sort((a, b) => a.docOrder - b.docOrder || a.position - b.position);
  const drafts = coalesce(sorted);
  const wordings = drafts.map((d, i) => ({ doc: d.unit.docOrder, text: text(d), keys: d.keys, i }));
  const chosen = wordings[consensusIndex(wordings)]!;
  return {
    speaker: majority(
      drafts.map((d) => [d.unit.docOrder, d.unit.speaker]),
      (s) => s,
    ),
    source: majority(
      drafts.map((d) => [d.unit.docOrder, d.unit.source]),
      sourceOrg,
    ),
    consensus: chosen.text,
    variants: drafts.map((d, i): Variant => ({
      document: d.unit.document,
      text: wordings[i]!.text,
      start: d.unit.start,
      end: d.end,
      change: classifyChange(chosen.text, wordings[i]!.text, { merged: d.unit.merged || d.count < d.unit.piecesInSentence }),
    })),
  };
}

/** The text of a variant: its first unit's text, extended over the pieces coalesced into it. */
function text(d: DraftVariant): string {
  return d.unit.text + d.extra;
}

/** Adjacent pieces of one sentence that landed in one group are one variant again. */
function coalesce(units: readonly GroupUnit[]): DraftVariant[] {
  const out: DraftVariant[] = [];
  for (const u of units) {
    const prev = out[out.length - 1];
    if (prev && prev.unit.document === u.document && prev.last.position === u.position - 1 && prev.last.sentence === u.sentence) {
      prev.extra += u.lead + u.text;
      prev.end = u.end;
      prev.keys = prev.keys.concat(u.keys);
      prev.count++;
      prev.last = u;
    } else out.push({ unit: u, end: u.end, keys: u.keys.slice(), count: 1, extra: '', last: u });
  }
  return out;
}

/** The value most articles give (nulls abstain); a tie between different values gives null. */
function majority(values: readonly [number, string | null][], keyOf: (v: string) => string): string | null {
  const docsByKey = new Map<string, Set<number>>();
  const docsByForm = new Map<string, Map<string, Set<number>>>();
  for (const [doc, value] of values) {
    if (!value) continue;
    const key = keyOf(value);
    let docs = docsByKey.get(key);
    let forms = docsByForm.get(key);
    if (!docs || !forms) {
      docsByKey.set(key, (docs = new Set<number>()));
      docsByForm.set(key, (forms = new Map<string, Set<number>>()));
    }
    docs.add(doc);
    let formDocs = forms.get(value);
    if (!formDocs) forms.set(value, (formDocs = new Set<number>()));
    formDocs.add(doc);
  }
  const ranked = [...docsByKey].sort((a, b) => b[1].size - a[1].size);
  if (ranked.length === 0 || (ranked[1] && ranked[1][1].size === ranked[0]![1].size)) return null;
  const forms = [...docsByForm.get(ranked[0]![0])!].sort((a, b) => b[1].size - a[1].size);
  return forms[0]![0];
}
