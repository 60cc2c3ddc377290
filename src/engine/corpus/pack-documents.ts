/**
 * A pack's articles as corpus documents, for regrouping with other articles. A pack keeps no article
 * text, only each outlet's wording of each utterance: every variant becomes a unit of its article (in
 * text order), quoted as the pack's group says (speaker, source), and the variants of one pack group
 * are linked so they stay one utterance however the rest of the corpus regroups them.
 */
import { wordKeys } from '../normalize';
import type { Pack, PackDocument } from '../types';
import { EXTRACT_VERSION, type DocumentExtract } from './document-extract';
import type { CorpusDocument, UnitLinks } from './live-corpus';

export interface PackDocuments {
  documents: CorpusDocument[];
  /** Per pack group, the ids of its variants' units (`document#index`). */
  links: UnitLinks;
}

/**
 * `order`: the first document's place in the corpus's document order (the pack's order follows);
 * `rename` gives each document its id in the corpus (e.g. prefixed with the pack's id); `keep` leaves
 * out documents the corpus already has (the same article from two packs is one article).
 */
export function packDocuments(
  pack: Pack,
  {
    order = 0,
    rename = (id: string) => id,
    keep = () => true,
  }: { order?: number; rename?: (id: string) => string; keep?: (d: PackDocument) => boolean } = {},
): PackDocuments {
  const kept = new Map(pack.documents.filter(keep).map((d) => [d.id, d]));
  const position = new Map(pack.documents.map((d, i) => [d.id, i]));
  const variants = new Map<
    string,
    { group: number; start: number; end: number; text: string; speaker: string | null; source: string | null; merged: boolean }[]
  >();
  pack.groups.forEach((g, group) => {
    for (const v of g.variants) {
      if (!kept.has(v.document) || wordKeys(v.text).length === 0) continue;
      let list = variants.get(v.document);
      if (!list) variants.set(v.document, (list = []));
      list.push({
        group,
        start: v.start,
        end: v.end,
        text: v.text,
        speaker: g.speaker,
        source: g.source,
        merged: v.change.includes('merged-split'),
      });
    }
  });
  const links: string[][] = pack.groups.map(() => []);
  const documents: CorpusDocument[] = [];
  for (const [id, meta] of kept) {
    const list = (variants.get(id) ?? []).sort((a, b) => a.start - b.start || a.end - b.end);
    const newId = rename(id);
    const extract: DocumentExtract = {
      version: EXTRACT_VERSION,
      quotes: list.map((v) => ({
        start: v.start,
        end: v.end,
        role: 'utterance',
        speaker: v.speaker,
        source: v.source,
        keys: wordKeys(v.text),
      })),
      units: list.map((v, i) => ({
        quote: i,
        sentence: i,
        start: v.start,
        end: v.end,
        text: v.text,
        lead: '',
        keys: wordKeys(v.text),
        merged: v.merged,
      })),
      names: [],
    };
    list.forEach((v, i) => links[v.group]!.push(`${newId}#${i}`));
    documents.push({ meta: { ...meta, id: newId }, extract, order: order + position.get(id)! });
  }
  return { documents, links: links.filter((l) => l.length > 1) };
}
