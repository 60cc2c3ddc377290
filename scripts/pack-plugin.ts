/**
 * Vite plugin: builds the corpus pack from `assets/corpus/` at build time and serves it to the
 * extension as `virtual:verbatim-pack`. The pack is never committed nor fetched at run time.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const PACK_ID = 'virtual:verbatim-pack';
/** The corpus source itself (manifest, texts, topic): the extension rebuilds the pack when the user adds pages. */
const CORPUS_ID = 'virtual:verbatim-corpus';
/** The matcher's WordNet synonym sets (src/node/lexicon.ts), as text: only the background imports it. */
const LEXICON_ID = 'virtual:verbatim-lexicon';

export const CORPUS_DIR = resolve(import.meta.dirname, '../assets/corpus');

export function packPlugin(corpusDir = CORPUS_DIR): Plugin {
  let corpusDirModule: Promise<typeof import('../src/node/corpus-dir')> | undefined;
  return {
    name: 'verbatim-pack',
    resolveId(id) {
      if (id === PACK_ID || id === CORPUS_ID || id === LEXICON_ID) return '\0' + id;
      return null;
    },
    async load(id) {
      if (id === '\0' + LEXICON_ID) {
        const { lexiconText } = await import('../src/node/lexicon');
        return `export default ${JSON.stringify(lexiconText())};`;
      }
      if (id === '\0' + CORPUS_ID) {
        // Loaded one after the other: two concurrent first imports of corpus-dir get a half-initialised module.
        const { loadCorpusDir } = await (corpusDirModule ??= import('../src/node/corpus-dir'));
        this.addWatchFile(corpusDir);
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(await loadCorpusDir(corpusDir)))});`;
      }
      if (id !== '\0' + PACK_ID) return null;
      const { buildPackFromDir } = await (corpusDirModule ??= import('../src/node/corpus-dir'));
      this.addWatchFile(corpusDir);
      const pack = await buildPackFromDir(corpusDir);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(pack))});`;
    },
  };
}
