/**
 * The hover card's warning: how the page's wording of a quote changes what was said, against the original
 * when the corpus holds it (a primary document, or the outlet the quote is attributed to), else against
 * the wording most outlets print (src/engine/lineage/: the same rules as the popup and the CLI).
 */
import { representative } from '../engine/lineage/edges';
import { meaningChanges } from '../engine/lineage/meaning';
import { originalOf } from '../engine/lineage/original';
import type { Pack, QuoteGroup } from '../engine/types';
import type { CardDetails } from '../shared/messages';

export function pageMeaning(pack: Pack, group: QuoteGroup, pageWording: string): Pick<CardDetails, 'meaning' | 'meaningAgainst'> {
  const original = originalOf(group, new Map(pack.documents.map((d) => [d.id, d])));
  const reference = original ? representative(group.variants, original.document)!.text : group.consensus;
  return { meaning: meaningChanges(reference, pageWording), meaningAgainst: original ? 'original' : 'consensus' };
}
