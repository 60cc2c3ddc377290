/**
 * The change taxonomy: the one place where the kinds of wording change are named and explained.
 * The popup, the CLI and the classifier all read it from here, so a label is changed once.
 */
import type { ChangeKind } from '../types';

export interface ChangeInfo {
  /** Short label for badges and tables. */
  label: string;
  /** One sentence shown as explanation (tooltip, CLI legend). */
  description: string;
}

/** Label and explanation of each kind; a `Record` so adding a kind to `ChangeKind` fails to compile until described. */
export const CHANGE_INFO: Readonly<Record<ChangeKind, ChangeInfo>> = {
  identical: {
    label: 'identical',
    description: 'Same characters as the reference, apart from the surrounding quote marks.',
  },
  typography: {
    label: 'typography only',
    description: 'Only curly vs straight quotes, dash styles, spacing, hyphen vs space or … vs ... differ.',
  },
  punctuation: {
    label: 'punctuation',
    description: 'Same words, but punctuation between them was added, dropped or changed (commas, slashes, full stops).',
  },
  spelling: {
    label: 'spelling/diacritics',
    description: 'A word is spelled differently: accents, capitalisation or a near spelling of the same word (Olson/Olsen).',
  },
  substituted: {
    label: 'word substituted',
    description: 'One or more words were replaced by different words (had → have).',
  },
  omitted: {
    label: 'words omitted',
    description: 'Words of the reference are missing inside the quote.',
  },
  added: {
    label: 'words added',
    description: 'The quote contains words that are not in the reference.',
  },
  bracket: {
    label: 'editorial bracket',
    description: 'The outlet inserted or replaced words in [square brackets].',
  },
  ellipsis: {
    label: 'ellipsis',
    description: 'The outlet marked left-out words with "…".',
  },
  truncated: {
    label: 'truncated',
    description: 'The quote starts later or stops earlier than the reference.',
  },
  'merged-split': {
    label: 'merged/split',
    description: 'The sentence was merged with, or split from, a neighbouring sentence.',
  },
  reworded: {
    label: 'heavily reworded',
    description: 'Fewer than half of the words survive in order: a paraphrase rather than a quote.',
  },
};
