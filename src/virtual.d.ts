declare module 'virtual:verbatim-pack' {
  import type { Pack } from './engine/types';
  const pack: Pack;
  export default pack;
}

declare module 'virtual:verbatim-gate' {
  /** The few strongest topic terms, checked on every page before anything else loads. */
  const terms: string[];
  export default terms;
}
