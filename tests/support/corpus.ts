/**
 * The bundled corpus as the tests see it (unit and e2e): the same pack the build ships, built by the same
 * code, and its articles served inside realistic page markup. No browser here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildPackFromDir } from '../../src/node/corpus-dir';
import type { Pack } from '../../src/engine/types';
import { articlePage } from './article-page';
import { ROOT } from './repo';

export const CORPUS_DIR = resolve(ROOT, 'assets/corpus');

export interface ManifestDocument {
  id: string;
  file: string;
  outlet: string;
  title: string | null;
  url: string | null;
}

export function manifestDocuments(): ManifestDocument[] {
  return (JSON.parse(readFileSync(resolve(CORPUS_DIR, 'corpus.json'), 'utf8')) as { documents: ManifestDocument[] }).documents;
}

let cached: Pack | undefined;
export async function bundledPack(): Promise<Pack> {
  cached ??= await buildPackFromDir(CORPUS_DIR);
  return cached;
}

/**
 * The headline a page without a captured title would show: its URL slug, which outlets build from the
 * headline ("…/elisabeth-moss-cried-jon-hamm-mad-men-improvised-1234777593/").
 */
export function titleFromUrl(url: string | null): string | null {
  const slug = url ? new URL(url).pathname.split('/').filter(Boolean).pop() : undefined;
  if (!slug) return null;
  const words = slug
    .replace(/^\d+-|-\d+$/g, '')
    .split('-')
    .filter((w) => !/^\d+$/.test(w));
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
}

/** A served copy of one corpus article inside realistic page markup. */
export function corpusArticlePage(doc: ManifestDocument): string {
  const title = doc.title ?? titleFromUrl(doc.url);
  return articlePage({ outlet: doc.outlet, title, text: readFileSync(resolve(CORPUS_DIR, doc.file), 'utf8') });
}

/** The quote groups that carry a wording from `documentId`: all of them must be highlighted on its own article. */
export function groupsOf(pack: Pack, documentId: string): Set<string> {
  return new Set(pack.groups.filter((g) => g.variants.some((v) => v.document === documentId)).map((g) => g.id));
}
