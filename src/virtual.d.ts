declare module 'virtual:verbatim-pack' {
  import type { Pack } from './engine/types';
  const pack: Pack;
  export default pack;
}

declare module 'virtual:verbatim-gate' {
  /**
   * `terms` decide that a page may be about the topic; `hints` make the gate read past the URL and title;
   * `leads` are the lower-cased first words of both (`gateLeads`), the gate's first, cheapest look.
   */
  const gate: { terms: string[]; hints: string[]; leads: string[] };
  export default gate;
}

declare module 'virtual:verbatim-corpus' {
  import type { CorpusSource } from './engine/corpus-source';
  /** The bundled corpus source (manifest, article texts, topic spec): rebuilt with the user's added pages. */
  const corpus: CorpusSource;
  export default corpus;
}
