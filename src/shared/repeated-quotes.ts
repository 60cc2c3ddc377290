/**
 * An article may quote the same line more than once (the bundled /Film article does): the popup and the
 * hover card show each of its wordings and say so, in the same words.
 */
import { t } from './i18n';

/** How many of `outlets` (one per wording) each document has. */
export function wordingsPerDocument(outlets: readonly { document: string }[]): Map<string, number> {
  const times = new Map<string, number>();
  for (const o of outlets) times.set(o.document, (times.get(o.document) ?? 0) + 1);
  return times;
}

/** "quotes this line twice" / "quotes this line 3 times", for a document with more than one wording. */
export function repeatedNote(times: number): string {
  return times === 2 ? t('quotesLineTwice') : t('quotesLineTimes', times);
}
