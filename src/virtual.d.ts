declare module 'virtual:verbatim-pack' {
  import type { Pack } from '@/src/engine/types';
  const pack: Pack;
  export default pack;
}

declare module 'virtual:verbatim-corpus' {
  import type { CorpusSource } from '@/src/engine/corpus/manifest';
  /** The bundled corpus source (manifest, article texts, topic spec): rebuilt with the user's added pages. */
  const corpus: CorpusSource;
  export default corpus;
}

declare module 'virtual:verbatim-lexicon' {
  /** The matcher's synonym sets, one per line (src/node/lexicon.ts derives them from WordNet at build time). */
  const text: string;
  export default text;
}
