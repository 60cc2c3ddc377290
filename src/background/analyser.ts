/**
 * The active pack and its index live in the background: built once per worker lifetime (and again
 * when the user's corpus changes), shared by all tabs, so a page never pays for indexing and the
 * content script never carries the pack.
 */
import { analysePage, type PageAnalysis } from '../engine/analyse';
import type { PageSample } from '../engine/types';
import { indexPack, type PackIndex } from '../engine/match/pack-index';
import { parseLexicon, type Lexicon } from '../engine/match/lexicon';
import lexiconText from 'virtual:verbatim-lexicon';
import type { Pack } from '../engine/types';
import { SENSITIVITY_FACTOR, type Sensitivity, type Settings } from '../shared/settings';
import { activePack } from '../storage/active-pack';

let indexed: { pack: Pack; index: PackIndex } | null = null;
let lexicon: Lexicon | null = null;

/** The pack's index, with the synonyms `verbatim scan` uses too (parsed once per worker lifetime, ~80 kB). */
export async function activeIndex(): Promise<PackIndex> {
  const pack = await activePack();
  if (indexed?.pack !== pack) indexed = { pack, index: indexPack(pack, (lexicon ??= parseLexicon(lexiconText))) };
  return indexed.index;
}

/** The same index with the topic threshold scaled; the (large) lookup tables are shared, not copied. */
export function withSensitivity(index: PackIndex, sensitivity: Sensitivity): PackIndex {
  const factor = SENSITIVITY_FACTOR[sensitivity];
  if (factor === 1) return index;
  const topic = index.pack.topic;
  const match = (topic.thresholds['match'] ?? 12) * factor;
  return { ...index, pack: { ...index.pack, topic: { ...topic, thresholds: { ...topic.thresholds, match } } } };
}

export async function analyse(page: PageSample, settings: Settings): Promise<PageAnalysis> {
  return analysePage(withSensitivity(await activeIndex(), settings.sensitivity), page);
}
