/**
 * Verbs that attribute speech ("Moss said", "she told Vanity Fair"). Shared by the corpus stage (who said
 * a quote) and the matcher (a short quote standing next to an attribution is a quote, src/engine/match/match.ts).
 */
export const SPEECH_VERB_LIST: readonly string[] = [
  'said',
  'says',
  'explained',
  'explains',
  'added',
  'adds',
  'joked',
  'jokes',
  'told',
  'tells',
  'shared',
  'shares',
  'recalled',
  'recalls',
  'revealed',
  'reveals',
  'noted',
  'notes',
  'continued',
  'continues',
  'commented',
  'comments',
  'reflected',
  'reflects',
  'admitted',
  'admits',
  'wrote',
  'writes',
  'quipped',
  'quips',
  'laughed',
  'replied',
  'stated',
  'remarked',
  'insisted',
  'mentioned',
  'mentions',
  'confessed',
  'declared',
  'exclaimed',
  'gushed',
  'teased',
  'recounted',
  'acknowledged',
  'answered',
  'responded',
  'observed',
  'claimed',
  'conceded',
];

const SPEECH_VERB_SET = new Set(SPEECH_VERB_LIST);

/** Whether a lower-case word is one of the speech verbs. */
export function isSpeechVerb(word: string): boolean {
  return SPEECH_VERB_SET.has(word);
}
