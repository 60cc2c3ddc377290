/**
 * Corpus → pack, pure and deterministic: the same input gives byte-identical JSON (no clocks, no
 * randomness, stable ordering and ids). Each article is read on its own (document-extract.ts: quotes,
 * speakers and sources, units); the live corpus groups them across outlets (live-corpus.ts); the pack
 * is its documents and groups, with ids.
 */
import { extractDocument } from './document-extract';
import { LiveCorpus, type CorpusDocument } from './live-corpus';
import { CorpusInputError, minimalTopicSpec, packId, type CorpusSource } from './manifest';
import { PACK_FORMAT, PACK_VERSION, type Pack, type PackDocument } from '../types';

export function buildPack(source: CorpusSource): Pack {
  const live = new LiveCorpus();
  live.add(corpusDocuments(source));
  for (const d of source.manifest.documents) {
    if (!live.hasQuotes(d.id))
      throw new CorpusInputError('no quotes found in this article (nothing between quote marks reads as speech)', d.file);
  }
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    id: packId(source.manifest),
    topic: source.topic ?? minimalTopicSpec(source.manifest.topic),
    documents: live.documents(),
    groups: live.groups(),
  };
}

/** A corpus source's articles, each read on its own, in manifest order. */
export function corpusDocuments(source: CorpusSource): CorpusDocument[] {
  return source.manifest.documents.map((d, order) => {
    const text = source.texts[d.id];
    if (typeof text !== 'string') throw new CorpusInputError(`no text given for document "${d.id}"`, d.file);
    return { meta: toPackDocument(d), extract: extractDocument(text, source.topic), order };
  });
}

function toPackDocument(d: CorpusSource['manifest']['documents'][number]): PackDocument {
  const doc: PackDocument = { id: d.id, outlet: d.outlet, site: d.site, url: d.url, title: d.title, published: d.published };
  // Only when true, so packs without a primary source stay byte-identical.
  if (d.primary === true) doc.primary = true;
  return doc;
}
