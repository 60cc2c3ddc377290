/** Builds packs from small in-memory corpora for engine tests. */
import { buildPack } from '../../../../src/engine/corpus/build-pack';
import type { CorpusSource } from '../../../../src/engine/corpus/manifest';
import type { Pack } from '../../../../src/engine/types';

export function corpusOf(texts: Record<string, string>): CorpusSource {
  return {
    manifest: {
      topic: 'Test Topic',
      documents: Object.keys(texts).map((id) => ({
        id,
        file: `${id}.txt`,
        outlet: id.toUpperCase(),
        site: null,
        url: null,
        title: null,
        published: null,
      })),
    },
    texts,
  };
}

export function packOf(texts: Record<string, string>): Pack {
  return buildPack(corpusOf(texts));
}

/** Speaker and source of the group holding `wording`. */
export function who(pack: Pack, wording: string): { speaker: string | null; source: string | null } {
  const g = pack.groups.find((x) => x.variants.some((v) => v.text === wording));
  if (!g) throw new Error(`no group holds "${wording}"; groups: ${pack.groups.map((x) => x.consensus).join(' | ')}`);
  return { speaker: g.speaker, source: g.source };
}
