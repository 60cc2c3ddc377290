/**
 * The active corpus: the bundled pack, rebuilt with the pages the user added (so their wordings join the
 * same quote groups and comparisons), plus every imported pack. Used by the background's matcher and by
 * the popup and options pages, so all of them see the same pack. Cached per context, dropped whenever the
 * stored part of the corpus changes.
 */
import bundled from 'virtual:verbatim-pack';
import corpus from 'virtual:verbatim-corpus';
import { browser } from 'wxt/browser';
import type { Pack } from '../engine/types';
import { IMPORTED_KEY, USER_DOCS_KEY, loadImportedPacks, loadUserDocuments, saveUserDocuments, type UserDocument } from './packs';
import { buildActivePack, packWithUserDocuments } from './combine-packs';

export { bundled as bundledPack };
export { buildActivePack, combinePacks, packWithUserDocuments } from './combine-packs';

let cached: Promise<Pack> | null = null;
let listening = false;

/** The corpus in use, built once per context and rebuilt after an import, a removal or an added page. */
export function activePack(): Promise<Pack> {
  if (!listening) {
    listening = true;
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && (IMPORTED_KEY in changes || USER_DOCS_KEY in changes)) cached = null;
    });
  }
  cached ??= Promise.all([loadUserDocuments(), loadImportedPacks()]).then(([docs, imported]) =>
    buildActivePack(bundled, corpus, docs, imported),
  );
  return cached;
}

export type AddResult = { ok: true; pack: Pack; joined: number } | { ok: false; error: string };

/**
 * Adds a page to the user's corpus after checking it builds: a page with no quote in it is refused.
 * `joined` counts the quote groups the page shares with at least one other outlet.
 */
export async function addUserDocument(doc: UserDocument): Promise<AddResult> {
  const docs = (await loadUserDocuments()).filter((d) => d.url === null || d.url !== doc.url);
  let pack: Pack;
  try {
    pack = packWithUserDocuments(bundled, corpus, [...docs, doc]);
  } catch (error) {
    return { ok: false, error: (error as Error & { detail?: string }).detail ?? (error as Error).message };
  }
  await saveUserDocuments([...docs, doc]);
  cached = null;
  const joined = pack.groups.filter(
    (g) => g.variants.some((v) => v.document === doc.id) && g.variants.some((v) => v.document !== doc.id),
  ).length;
  return { ok: true, pack, joined };
}
