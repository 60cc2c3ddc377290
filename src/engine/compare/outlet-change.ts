/**
 * How an outlet's wording differs from the page's wording of the same utterance.
 * Direction: reference = this page's wording, variant = the outlet's — the popup reads it as
 * "how the outlet differs from this page" (e.g. "NME: words omitted" = NME has fewer words than this page).
 */
import { classifyChange } from './classify';
import type { ChangeKind } from '../types';

export function outletChange(pageWording: string, outletWording: string): ChangeKind[] {
  return classifyChange(pageWording, outletWording);
}
