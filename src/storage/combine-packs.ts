/** Pure: the bundled corpus + the user's added pages + imported packs → the one pack Verbatim matches against. */
import { buildPack } from '../engine/corpus/build-pack';
import type { CorpusSource, ManifestDocument } from '../engine/corpus/manifest';
import type { Pack } from '../engine/types';
import type { UserDocument } from './packs';

function manifestDocument(d: UserDocument): ManifestDocument {
  return { id: d.id, file: d.url ?? d.outlet, outlet: d.outlet, site: d.site, url: d.url, title: d.title, published: d.published };
}

/** Pure: the bundled corpus source + the user's pages → one pack (throws CorpusInputError on a page without quotes). */
export function packWithUserDocuments(base: Pack, source: CorpusSource, docs: readonly UserDocument[]): Pack {
  if (docs.length === 0) return base;
  const texts = { ...source.texts };
  for (const d of docs) texts[d.id] = d.text;
  return buildPack({
    ...source,
    manifest: { ...source.manifest, documents: [...source.manifest.documents, ...docs.map(manifestDocument)] },
    texts,
  });
}

/**
 * Pure: `base` plus imported packs. Imported ids are prefixed with their pack's id ("other/nme") so they
 * can never collide with the bundled ones; the bundled topic spec keeps deciding what a topic page is.
 */
export function combinePacks(base: Pack, imported: readonly Pack[]): Pack {
  if (imported.length === 0) return base;
  const documents = [...base.documents];
  const groups = [...base.groups];
  for (const p of imported) {
    const id = (x: string) => `${p.id}/${x}`;
    documents.push(...p.documents.map((d) => ({ ...d, id: id(d.id) })));
    groups.push(...p.groups.map((g) => ({ ...g, id: id(g.id), variants: g.variants.map((v) => ({ ...v, document: id(v.document) })) })));
  }
  return { ...base, documents, groups };
}

export function buildActivePack(base: Pack, source: CorpusSource, docs: readonly UserDocument[], imported: readonly Pack[]): Pack {
  let withDocs = base;
  try {
    withDocs = packWithUserDocuments(base, source, docs);
  } catch (error) {
    // Pages are checked when added; if one still fails (a newer engine), keep the rest of the corpus working.
    console.warn('Verbatim: ignoring added pages that no longer build:', error);
  }
  return combinePacks(withDocs, imported);
}
