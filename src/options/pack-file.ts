/**
 * A pack file the reader chose to import: parsed, validated field by field, and cleaned down to the
 * fields a pack defines, so nothing unknown from a file is stored or rendered. Pure.
 */
import { MAX_PACK_BYTES, validatePack } from '../engine/corpus/validate-pack';
import { PACK_FORMAT, type Pack, type PackDocument, type QuoteGroup, type TopicSpec } from '../engine/types';

/**
 * Why a file was refused, as the reader is told it (one sentence, options/corpus-panel.ts), and the
 * field-by-field details for whoever made the pack (shown behind a disclosure).
 */
export type ImportRefusal =
  | { kind: 'too-large'; bytes: number; limit: number }
  | { kind: 'not-json' }
  | { kind: 'not-pack' }
  | { kind: 'invalid' }
  | { kind: 'taken'; id: string };

export type ImportResult = { ok: true; pack: Pack } | { ok: false; refusal: ImportRefusal; errors: string[] };

/** Keeps only the fields a pack defines, so nothing unknown from a file is stored or rendered. */
function cleanPack(p: Pack): Pack {
  const topic: TopicSpec = {
    name: p.topic.name,
    signals: p.topic.signals.map((s) => ({
      term: s.term,
      kind: s.kind,
      weight: s.weight,
      ...(s.caseSensitive !== undefined ? { caseSensitive: s.caseSensitive } : {}),
    })),
    ...(p.topic.negatives ? { negatives: p.topic.negatives.map((n) => ({ term: n.term, weight: n.weight })) } : {}),
    weights: { ...p.topic.weights },
    thresholds: { ...p.topic.thresholds },
  };
  const documents: PackDocument[] = p.documents.map((d) => ({
    id: d.id,
    outlet: d.outlet,
    site: d.site,
    url: d.url,
    title: d.title,
    published: d.published,
    ...(d.primary === true ? { primary: true } : {}),
    ...(d.origin ? { origin: d.origin } : {}),
    ...(d.read ? { read: d.read } : {}),
  }));
  const groups: QuoteGroup[] = p.groups.map((g) => ({
    id: g.id,
    speaker: g.speaker,
    source: g.source,
    consensus: g.consensus,
    variants: g.variants.map((v) => ({ document: v.document, text: v.text, start: v.start, end: v.end, change: [...v.change] })),
  }));
  return { format: p.format, version: p.version, id: p.id, topic, documents, groups };
}

/**
 * Pure: a pack file's text → the pack to store, or every reason it is refused.
 * `taken` are the ids already in use (the bundled pack's and the imported ones').
 */
export function checkImport(text: string, byteSize: number, taken: readonly string[]): ImportResult {
  if (byteSize > MAX_PACK_BYTES)
    return {
      ok: false,
      refusal: { kind: 'too-large', bytes: byteSize, limit: MAX_PACK_BYTES },
      errors: [`pack: too large: ${byteSize} bytes (limit ${MAX_PACK_BYTES})`],
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, refusal: { kind: 'not-json' }, errors: [`file: not valid JSON, perhaps truncated (${(error as Error).message})`] };
  }
  const result = validatePack(value, byteSize);
  if (!result.ok) {
    // A file that does not even say it is a pack (another JSON file, chosen by mistake) needs no field list.
    const isPack = typeof value === 'object' && value !== null && (value as { format?: unknown }).format === PACK_FORMAT;
    const refusal: ImportRefusal = { kind: isPack ? 'invalid' : 'not-pack' };
    return { ok: false, refusal, errors: result.errors };
  }
  if (taken.includes(result.pack.id)) {
    return {
      ok: false,
      refusal: { kind: 'taken', id: result.pack.id },
      errors: [`id: a pack with id "${result.pack.id}" is already in your corpus (remove it first to replace it)`],
    };
  }
  return { ok: true, pack: cleanPack(result.pack) };
}
