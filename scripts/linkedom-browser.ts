/**
 * Vite plugin: makes linkedom (src/reading/: the page reader of the background, popup and CLI) build for
 * the extension, and keeps what the reader never uses out of the bundle:
 *  - `@acemir/cssom`, the CSS parser behind `<style>.sheet`: its `browser` build is a global script with no
 *    exports, and Readability never reads a style sheet (it removes `<style>`), so `sheet` is an empty one;
 *  - `canvas`, the optional native package linkedom tries for `<canvas>`: always its own shim here;
 *  - htmlparser2's index, which linkedom imports whole (`import * as`) for its `Parser` alone: bundlers keep
 *    the rest (DomUtils, a serializer and a second copy of `entities` with its encoding tables).
 * And, like readability-safe.ts, it leaves no `innerHTML` assignment in what ships: linkedom's two (the
 * `outerHTML` setter and `insertAdjacentHTML`'s fragment, both parsing a string into linkedom's own
 * objects, never a live document) become errors. The reader never calls them: its documents come from
 * `DOMParser.parseFromString` and are only read, moved and cloned (tests/unit/reading/build-patches.test.ts).
 * Node (CLI, tests) keeps the real packages; the reading is the same.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const CSSOM_SHIM = '\0verbatim-linkedom-cssom';
const PARSER_ONLY = '\0verbatim-linkedom-htmlparser2';
const MODULES = resolve(import.meta.dirname, '../node_modules');
const CANVAS_SHIM = resolve(MODULES, 'linkedom/commonjs/canvas-shim.cjs');
const HTMLPARSER2_PARSER = resolve(MODULES, 'htmlparser2/dist/esm/Parser.js');

const REFUSE = "throw new Error('verbatim: HTML from strings is not part of the extension build');";

/** Per linkedom file (path under esm/), the assignments that build HTML from a string. */
export const LINKEDOM_PATCHES: Record<string, [from: string, to: string][]> = {
  'shared/utils.js': [['elem.innerHTML = html;', REFUSE]],
  'interface/element.js': [['template.innerHTML = html;', REFUSE]],
};

export function patchLinkedom(file: string, code: string): string {
  let out = code;
  for (const [from, to] of LINKEDOM_PATCHES[file] ?? []) {
    if (!out.includes(from)) throw new Error(`linkedom-browser: expected \`${from}\` in linkedom's ${file} (was the package updated?)`);
    out = out.split(from).join(to);
  }
  return out;
}

export function linkedomBrowser(): Plugin {
  return {
    name: 'verbatim-linkedom-browser',
    enforce: 'pre',
    resolveId(id, importer) {
      const fromLinkedom = importer !== undefined && /[\\/]linkedom[\\/]/.test(importer);
      if (!fromLinkedom) return null;
      if (id === '@acemir/cssom') return CSSOM_SHIM;
      if (id === 'canvas') return CANVAS_SHIM;
      if (id === 'htmlparser2') return PARSER_ONLY;
      return null;
    },
    load(id) {
      if (id === CSSOM_SHIM) return 'export function parse() { return { cssRules: [] }; }\n';
      if (id === PARSER_ONLY) return `export { Parser } from ${JSON.stringify(HTMLPARSER2_PARSER)};\n`;
      return null;
    },
    transform(code, id) {
      const file = /[\\/]linkedom[\\/]esm[\\/](.+)$/.exec(id.split('?')[0]!)?.[1]?.replace(/\\/g, '/');
      if (!file) return null;
      const patched = patchLinkedom(file, code);
      if (/\.innerHTML\s*=[^=]/.test(patched)) throw new Error(`linkedom-browser: an innerHTML assignment is left in linkedom's ${file}`);
      return patched === code ? null : { code: patched, map: null };
    },
  };
}
