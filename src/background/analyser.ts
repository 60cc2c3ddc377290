/**
 * A page's analysis against the corpus in use: its index lives in the background (corpus-service.ts),
 * shared by all tabs, so a page never pays for indexing and the content script never carries the pack.
 */
import { analysePage, type PageAnalysis } from '../engine/analyse';
import type { PackIndex } from '../engine/match/pack-index';
import type { PageSample } from '../engine/types';
import { documentsOfPage } from '../reading/page-url';
import { SENSITIVITY_FACTOR, type Sensitivity, type Settings } from '../shared/settings';

/** The same index with the topic threshold scaled; the (large) lookup tables are shared, not copied. */
export function withSensitivity(index: PackIndex, sensitivity: Sensitivity): PackIndex {
  const factor = SENSITIVITY_FACTOR[sensitivity];
  if (factor === 1) return index;
  const topic = index.pack.topic;
  const match = (topic.thresholds['match'] ?? 12) * factor;
  return { ...index, pack: { ...index.pack, topic: { ...topic, thresholds: { ...topic.thresholds, match } } } };
}

/** A page already in the reader's corpus (learned, added) is matched against the rest of it only. */
export function analyse(index: PackIndex, page: PageSample, settings: Settings): PageAnalysis {
  return analysePage(withSensitivity(index, settings.sensitivity), page, documentsOfPage(index.pack.documents, page.url));
}
