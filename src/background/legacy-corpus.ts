/**
 * Versions before the learning corpus kept the reader's added pages and imported packs in
 * `storage.local` (10 MB at most). They move into the corpus store once, the first time this version
 * runs: each is kept through the corpus service, and the old keys are removed only after everything
 * moved, so a failure leaves them where they were to be moved next time.
 */
import { browser } from 'wxt/browser';
import { validatePack } from '../engine/corpus/validate-pack';
import type { Pack } from '../engine/types';
import type { CorpusService } from './corpus-service';

const IMPORTED_KEY = 'importedPacks';
const ADDED_KEY = 'userDocuments';

interface LegacyDocument {
  url: string | null;
  outlet: string;
  site: string | null;
  title: string | null;
  published: string | null;
  text: string;
}

function isLegacyDocument(d: unknown): d is LegacyDocument {
  if (typeof d !== 'object' || d === null) return false;
  const o = d as Record<string, unknown>;
  const nullableString = (k: string) => o[k] === null || typeof o[k] === 'string';
  return typeof o.outlet === 'string' && typeof o.text === 'string' && ['url', 'site', 'title', 'published'].every(nullableString);
}

export async function migrateLegacyCorpus(corpus: CorpusService): Promise<void> {
  const stored = await browser.storage.local.get([IMPORTED_KEY, ADDED_KEY]);
  const packs = Array.isArray(stored[IMPORTED_KEY]) ? (stored[IMPORTED_KEY] as unknown[]) : [];
  const added = Array.isArray(stored[ADDED_KEY]) ? (stored[ADDED_KEY] as unknown[]) : [];
  if (stored[IMPORTED_KEY] === undefined && stored[ADDED_KEY] === undefined) return;
  for (const value of packs) {
    const result = validatePack(value);
    if (!result.ok) continue;
    const imported = await corpus.importPack(result.pack satisfies Pack);
    if (!imported.ok && !/already in your corpus/.test(imported.error)) throw new Error(imported.error);
  }
  for (const d of added.filter(isLegacyDocument)) {
    const url = d.url ?? `about:verbatim-added/${encodeURIComponent(d.outlet)}/${d.text.length}`;
    const kept = await corpus.keep({ url, outlet: d.outlet, site: d.site, title: d.title, published: d.published, text: d.text }, 'added');
    if (kept.status === 'failed') throw new Error(kept.reason);
  }
  await browser.storage.local.remove([IMPORTED_KEY, ADDED_KEY]);
}
