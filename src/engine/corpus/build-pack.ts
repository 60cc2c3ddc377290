/**
 * Corpus → pack, pure and deterministic: the same input gives byte-identical JSON (no clocks, no
 * randomness, stable ordering and ids). Each article is read on its own (document-extract.ts: quotes,
 * speakers and sources, units); the live corpus groups them across outlets (live-corpus.ts); the pack
 * is its documents and groups, with ids.
 */
import { extractDocument } from './document-extract';
import { LiveCorpus, type CorpusDocument } from './live-corpus';
import { CorpusInputError, minimalTopicSpec, packId, type CorpusSource, type ManifestDocument } from './manifest';
import { PACK_FORMAT, PACK_VERSION, type Pack, type PackDocument } from '../types';

export function buildPack(source: CorpusSource): Pack {
  const { pack, withoutQuotes } = buildPackLeavingOut(source);
  const first = withoutQuotes[0];
  if (first) throw new CorpusInputError('no quotes found in this article (nothing between quote marks reads as speech)', first.file);
  return pack;
}

/**
 * As `buildPack`, but an article in which no quote is found is left out of the pack and named rather
 * than stopping the build: a batch of saved pages goes on without the one that quotes nobody.
 */
export function buildPackLeavingOut(source: CorpusSource): { pack: Pack; withoutQuotes: ManifestDocument[] } {
  const live = new LiveCorpus();
  live.add(corpusDocuments(source));
  const withoutQuotes = source.manifest.documents.filter((d) => !live.hasQuotes(d.id));
  if (withoutQuotes.length > 0) live.remove(withoutQuotes.map((d) => d.id));
  return {
    pack: {
      format: PACK_FORMAT,
      version: PACK_VERSION,
      id: packId(source.manifest),
      topic: source.topic ?? minimalTopicSpec(source.manifest.topic),
      documents: live.documents(),
      groups: live.groups(),
    },
    withoutQuotes,
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
