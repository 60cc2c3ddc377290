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
