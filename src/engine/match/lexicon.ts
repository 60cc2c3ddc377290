/**
 * The synonym sets live at the engine root (../lexicon.ts) since grouping uses them too; the matcher's
 * modules keep importing them from here.
 */
export { baseForms, parseLexicon, synonymsOf, type Lexicon } from '../lexicon';
