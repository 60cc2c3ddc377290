/**
 * Vite plugin: builds the corpus pack from `assets/corpus/` at build time and serves it to the
 * extension as `virtual:verbatim-pack`. The pack is never committed nor fetched at run time.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const PACK_ID = 'virtual:verbatim-pack';
const GATE_ID = 'virtual:verbatim-gate';

export const CORPUS_DIR = resolve(import.meta.dirname, '../assets/corpus');

export function packPlugin(corpusDir = CORPUS_DIR): Plugin {
  return {
    name: 'verbatim-pack',
    resolveId(id) {
      if (id === PACK_ID || id === GATE_ID) return '\0' + id;
      return null;
    },
    async load(id) {
      if (id !== '\0' + PACK_ID && id !== '\0' + GATE_ID) return null;
      const { buildPackFromDir } = await import('../src/node/corpus-dir');
      const { gateTerms } = await import('../src/engine/detect');
      this.addWatchFile(corpusDir);
      const pack = await buildPackFromDir(corpusDir);
      if (id === '\0' + GATE_ID) return `export default ${JSON.stringify(gateTerms(pack.topic))};`;
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(pack))});`;
    },
  };
}
