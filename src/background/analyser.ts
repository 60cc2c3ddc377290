/**
 * The pack and its index live in the background: built once per worker lifetime, shared by all tabs,
 * so a page never pays for indexing and the content script never carries the pack.
 */
import pack from 'virtual:verbatim-pack';
import { analysePage, type PageAnalysis, type PageSample } from '../engine/analyse';
import { indexPack, type PackIndex } from '../engine/match';

let index: PackIndex | null = null;

export function activeIndex(): PackIndex {
  index ??= indexPack(pack);
  return index;
}

export function analyse(page: PageSample): PageAnalysis {
  return analysePage(activeIndex(), page);
}
