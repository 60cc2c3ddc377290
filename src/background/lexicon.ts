/** The synonym sets `verbatim scan` uses too, shipped as text (~80 kB) and parsed once per worker lifetime. */
import lexiconText from 'virtual:verbatim-lexicon';
import { parseLexicon, type Lexicon } from '../engine/match/lexicon';

let parsed: Lexicon | null = null;

export function bundledLexicon(): Lexicon {
  return (parsed ??= parseLexicon(lexiconText));
}
