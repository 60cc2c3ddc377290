/**
 * Corpus → pack, pure and deterministic: the same input gives byte-identical JSON (no clocks, no
 * randomness, stable ordering and ids). Steps: extract quotes → attribute speakers and sources →
 * split into sentence units → group across outlets → consensus and change kinds per variant.
 */
import { attributeQuotes, prepareText, type Attribution, type CorpusPeople, type PreparedText } from './attribute';
import { classifyChange } from '../compare/classify';
import { consensusIndex } from './consensus';
import { CorpusInputError, minimalTopicSpec, packId, type CorpusSource } from './manifest';
import { extractCorpusQuotes, findQuotedSpans, type Quote } from './extract';
import { groupUnits } from './group';
import { canonicalNames, surnameIndex, surnameKey } from './names';
import { wordKeys } from '../normalize';
import { sourceOrg } from './sources';
import { PACK_FORMAT, PACK_VERSION, type Pack, type PackDocument, type QuoteGroup, type Variant } from '../types';
import { documentUnits, type Unit } from './units';

export function buildPack(source: CorpusSource): Pack {
  const docs = source.manifest.documents;
  const texts = docs.map((d) => {
    const text = source.texts[d.id];
    if (typeof text !== 'string') throw new CorpusInputError(`no text given for document "${d.id}"`, d.file);
    return text;
  });
  const spans = texts.map(findQuotedSpans);
  const quotes = extractCorpusQuotes(texts, spans);
  quotes.forEach((q, i) => {
    if (q.length === 0)
      throw new CorpusInputError('no quotes found in this article (nothing between quote marks reads as speech)', docs[i]!.file);
  });
  const prepared = texts.map((t, i) => prepareText(t, spans[i]!));
  const people = corpusPeople(prepared, source);
  const attributions = prepared.map((p, i) => attributeQuotes(p, quotes[i]!, people.people));
  const units = allUnits(texts, quotes);
  const pieces = new Map<number, number>();
  for (const u of units) pieces.set(u.sentence, (pieces.get(u.sentence) ?? 0) + 1);
  const ctx: GroupContext = { texts, units, pieces, attributions, canonical: people.canonical };
  const groups = groupUnits(units).map((members) => makeGroup(members, ctx));
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    id: packId(source.manifest),
    topic: source.topic ?? minimalTopicSpec(source.manifest.topic),
    documents: docs.map(toPackDocument),
    groups: assignIds(
      sortGroups(
        groups,
        docs.map((d) => d.id),
      ),
    ),
  };
}

function toPackDocument(d: CorpusSource['manifest']['documents'][number]): PackDocument {
  const doc: PackDocument = { id: d.id, outlet: d.outlet, site: d.site, url: d.url, title: d.title, published: d.published };
  // Only when true, so packs without a primary source stay byte-identical.
  if (d.primary === true) doc.primary = true;
  return doc;
}

/** Who speaks anywhere in the corpus, and one spelling per person. Cast members of the topic spec count as speakers too. */
function corpusPeople(prepared: readonly PreparedText[], source: CorpusSource): { people: CorpusPeople; canonical: Map<string, string> } {
  const persons = new Set<string>();
  for (const p of prepared) for (const s of p.subjects) persons.add(surnameKey(s.name));
  for (const signal of source.topic?.signals ?? []) if (signal.kind === 'cast') persons.add(surnameKey(signal.term));
  const namesPerDoc = prepared.map((p) => p.fullNames.filter((n) => persons.has(surnameKey(n.name))).map((n) => n.name));
  const canonical = canonicalNames(namesPerDoc);
  return { people: { persons, bySurname: surnameIndex(canonical) }, canonical };
}

function allUnits(texts: readonly string[], quotes: readonly Quote[][]): Unit[] {
  const units: Unit[] = [];
  texts.forEach((text, d) => units.push(...documentUnits(d, text, quotes[d]!, units.length ? units[units.length - 1]!.sentence + 1 : 0)));
  return units;
}

interface DraftVariant {
  doc: number;
  start: number;
  end: number;
  text: string;
  keys: string[];
  merged: boolean;
  attribution: Attribution;
}

interface DraftGroup {
  speaker: string | null;
  source: string | null;
  consensus: string;
  variants: (Variant & { doc: number })[];
}

/** What `makeGroup` needs to know about the whole corpus. */
interface GroupContext {
  texts: readonly string[];
  units: readonly Unit[];
  /** Number of pieces each sentence was cut into (by sentence number). */
  pieces: ReadonlyMap<number, number>;
  attributions: readonly Attribution[][];
  canonical: ReadonlyMap<string, string>;
}

function makeGroup(members: readonly number[], ctx: GroupContext): DraftGroup {
  const drafts = coalesce(
    [...members].sort((a, b) => a - b),
    ctx,
  );
  const chosen = drafts[consensusIndex(drafts)]!;
  const speakers = drafts.map(({ attribution: { speaker } }) => (speaker ? (ctx.canonical.get(speaker) ?? speaker) : null));
  return {
    speaker: majority(drafts, speakers, (s) => s),
    source: majority(
      drafts,
      drafts.map((v) => v.attribution.source),
      sourceOrg,
    ),
    consensus: chosen.text,
    variants: drafts.map((v) => ({
      doc: v.doc,
      document: '',
      text: v.text,
      start: v.start,
      end: v.end,
      change: classifyChange(chosen.text, v.text, { merged: v.merged }),
    })),
  };
}

/**
 * Units of one group → variants. Adjacent pieces of one sentence that landed in the same group
 * are one variant again (the ellipsis only cut words); a piece whose sibling went to another group
 * is `merged`: the outlet joined two utterances into one sentence.
 */
function coalesce(members: readonly number[], ctx: GroupContext): DraftVariant[] {
  const out: (DraftVariant & { count: number; sentence: number })[] = [];
  let last = -2;
  for (const u of members) {
    const unit = ctx.units[u]!;
    const prev = out[out.length - 1];
    if (prev && last === u - 1 && prev.sentence === unit.sentence) {
      prev.end = unit.end;
      prev.keys = prev.keys.concat(unit.keys);
      prev.count++;
    } else {
      const attribution = ctx.attributions[unit.doc]![unit.quote]!;
      out.push({
        doc: unit.doc,
        start: unit.start,
        end: unit.end,
        text: '',
        keys: unit.keys.slice(),
        merged: false,
        attribution,
        count: 1,
        sentence: unit.sentence,
      });
    }
    last = u;
  }
  return out.map(({ count, sentence, ...v }) => ({
    ...v,
    text: ctx.texts[v.doc]!.slice(v.start, v.end),
    merged: count < (ctx.pieces.get(sentence) ?? 1),
  }));
}

/** The value most documents give (nulls abstain); a tie between different values gives null. */
function majority(variants: readonly { doc: number }[], values: readonly (string | null)[], keyOf: (v: string) => string): string | null {
  const docsByKey = new Map<string, Set<number>>();
  const fullByKey = new Map<string, Map<string, Set<number>>>();
  values.forEach((value, i) => {
    if (!value) return;
    const key = keyOf(value);
    const doc = variants[i]!.doc;
    let docs = docsByKey.get(key);
    let full = fullByKey.get(key);
    if (!docs || !full) {
      docsByKey.set(key, (docs = new Set<number>()));
      fullByKey.set(key, (full = new Map<string, Set<number>>()));
    }
    docs.add(doc);
    if (!full.has(value)) full.set(value, new Set());
    full.get(value)!.add(doc);
  });
  const ranked = [...docsByKey].sort((a, b) => b[1].size - a[1].size);
  if (ranked.length === 0 || (ranked[1] && ranked[1][1].size === ranked[0]![1].size)) return null;
  const forms = [...fullByKey.get(ranked[0]![0])!].sort((a, b) => b[1].size - a[1].size);
  return forms[0]![0];
}

function sortGroups(groups: DraftGroup[], docIds: readonly string[]): QuoteGroup[] {
  for (const g of groups) g.variants.sort((a, b) => a.doc - b.doc || a.start - b.start);
  groups.sort((a, b) => a.variants[0]!.doc - b.variants[0]!.doc || a.variants[0]!.start - b.variants[0]!.start);
  return groups.map((g) => ({
    id: '',
    speaker: g.speaker,
    source: g.source,
    consensus: g.consensus,
    variants: g.variants.map(({ doc, ...v }) => ({ ...v, document: docIds[doc]! })),
  }));
}

/** `g-` + FNV-1a hash of the consensus words: stable when outlets are added; "-2", "-3" on a clash. */
function assignIds(groups: QuoteGroup[]): QuoteGroup[] {
  const used = new Set<string>();
  return groups.map((g) => {
    const base = `g-${fnv1a(wordKeys(g.consensus).join(' '))}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return { ...g, id };
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
