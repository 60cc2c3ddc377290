/**
 * The user's part of the corpus, in `storage.local`: imported packs (validated on import and again on
 * every read) and pages added from the popup ("Add this page to my corpus"). The bundled pack is never
 * stored: it ships with the extension.
 */
import { browser } from 'wxt/browser';
import { MAX_PACK_BYTES, validatePack } from '../engine/corpus/validate-pack';
import type { Pack, PackDocument, QuoteGroup, TopicSpec } from '../engine/types';

export const IMPORTED_KEY = 'importedPacks';
export const USER_DOCS_KEY = 'userDocuments';

/** A page the user added to the corpus: its metadata and the article text Readability extracted. */
export interface UserDocument extends PackDocument {
  text: string;
  /** When it was added (ms since epoch). */
  added: number;
}

export type ImportResult = { ok: true; pack: Pack } | { ok: false; errors: string[] };

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
    ...(p.topic.passing
      ? {
          passing: {
            ...(p.topic.passing.after ? { after: [...p.topic.passing.after] } : {}),
            ...(p.topic.passing.before ? { before: [...p.topic.passing.before] } : {}),
            ...(p.topic.passing.beforeNear ? { beforeNear: [...p.topic.passing.beforeNear] } : {}),
            ...(p.topic.passing.window !== undefined ? { window: p.topic.passing.window } : {}),
          },
        }
      : {}),
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
  if (byteSize > MAX_PACK_BYTES) return { ok: false, errors: [`pack: too large: ${byteSize} bytes (limit ${MAX_PACK_BYTES})`] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`file: not valid JSON, perhaps truncated (${(error as Error).message})`] };
  }
  const result = validatePack(value, byteSize);
  if (!result.ok) return result;
  if (taken.includes(result.pack.id)) {
    return { ok: false, errors: [`id: a pack with id "${result.pack.id}" is already in your corpus (remove it first to replace it)`] };
  }
  return { ok: true, pack: cleanPack(result.pack) };
}

export async function loadImportedPacks(): Promise<Pack[]> {
  const stored = (await browser.storage.local.get(IMPORTED_KEY))[IMPORTED_KEY];
  if (!Array.isArray(stored)) return [];
  // Storage can be edited or corrupted: a stored pack is trusted only if it still validates.
  return stored.flatMap((p: unknown) => {
    const r = validatePack(p);
    if (!r.ok) console.warn('Verbatim: ignoring a stored pack that no longer validates:', r.errors.slice(0, 3));
    return r.ok ? [r.pack] : [];
  });
}

export async function addImportedPack(pack: Pack): Promise<void> {
  const packs = await loadImportedPacks();
  await browser.storage.local.set({ [IMPORTED_KEY]: [...packs.filter((p) => p.id !== pack.id), pack] });
}

export async function removeImportedPack(id: string): Promise<void> {
  const packs = await loadImportedPacks();
  await browser.storage.local.set({ [IMPORTED_KEY]: packs.filter((p) => p.id !== id) });
}

function isUserDocument(d: unknown): d is UserDocument {
  if (typeof d !== 'object' || d === null) return false;
  const o = d as Record<string, unknown>;
  const nullableString = (k: string) => o[k] === null || typeof o[k] === 'string';
  return (
    typeof o.id === 'string' &&
    typeof o.outlet === 'string' &&
    typeof o.text === 'string' &&
    typeof o.added === 'number' &&
    nullableString('site') &&
    nullableString('url') &&
    nullableString('title') &&
    nullableString('published')
  );
}

export async function loadUserDocuments(): Promise<UserDocument[]> {
  const stored = (await browser.storage.local.get(USER_DOCS_KEY))[USER_DOCS_KEY];
  return Array.isArray(stored) ? stored.filter(isUserDocument) : [];
}

export async function saveUserDocuments(docs: UserDocument[]): Promise<void> {
  await browser.storage.local.set({ [USER_DOCS_KEY]: docs });
}

export async function removeUserDocument(id: string): Promise<void> {
  await saveUserDocuments((await loadUserDocuments()).filter((d) => d.id !== id));
}
