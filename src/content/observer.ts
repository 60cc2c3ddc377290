/**
 * Watches the page for content that arrives, changes or goes, and reports it in coalesced batches.
 *
 * - Verbatim's own DOM changes never come back as page changes: `quiet(fn)` hands over pending page
 *   records first, runs `fn` (marking, unmarking) and drops the records it caused (no feedback loop).
 * - A burst of thousands of records is not inspected one by one: past `INSPECT_LIMIT` records the
 *   batch simply counts as "content changed", which means one full rescan.
 * - Small text edits (clocks, counters, "5 min ago") are ignored: no quote fits in them.
 */
import { MARK_SELECTOR } from './highlight';
import { onDispose, type Owner } from './owner';

export interface PageChange {
  /** Text arrived or changed: a rescan may find new quotes. */
  added: boolean;
  /** Nodes holding Verbatim marks left the page. */
  removedMarks: boolean;
  records: number;
}

/** Past this many records in one batch, stop looking at them one by one. */
export const INSPECT_LIMIT = 500;
/** Text edits shorter than this cannot hold a quote (the matcher wants six words at least). */
const MIN_TEXT_CHANGE = 24;

const NO_TEXT_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'LINK',
  'META',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'IMG',
  'SVG',
  'VIDEO',
  'AUDIO',
  'CANVAS',
]);

function carriesText(node: Node): boolean {
  if (node.nodeType === 3) return (node as Text).data.trim().length >= MIN_TEXT_CHANGE;
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  if (NO_TEXT_TAGS.has(el.tagName.toUpperCase()) || el.hasAttribute('data-verbatim-ui')) return false;
  return (el.textContent ?? '').trim().length >= MIN_TEXT_CHANGE;
}

function holdsMark(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return el.matches(MARK_SELECTOR) || el.querySelector(MARK_SELECTOR) !== null;
}

/** Reads a batch of records into one change. */
export function classifyRecords(records: MutationRecord[]): PageChange {
  const change: PageChange = { added: false, removedMarks: false, records: records.length };
  if (records.length > INSPECT_LIMIT) return { ...change, added: true, removedMarks: true };
  for (const record of records) {
    if (record.type === 'characterData') {
      const now = (record.target as Text).data ?? '';
      const before = record.oldValue ?? '';
      if (Math.max(now.length, before.length) >= MIN_TEXT_CHANGE) change.added = true;
      continue;
    }
    if (!change.added) for (const node of Array.from(record.addedNodes)) if (carriesText(node)) change.added = true;
    if (!change.removedMarks) for (const node of Array.from(record.removedNodes)) if (holdsMark(node)) change.removedMarks = true;
  }
  return change;
}

export interface PageWatcher {
  /** Runs Verbatim's own DOM work without hearing it back. */
  quiet<T>(fn: () => T): T;
}

export function watchPage(owner: Owner, root: Node, onChange: (change: PageChange) => void, win: Window = window): PageWatcher {
  const deliver = (records: MutationRecord[]) => {
    if (records.length === 0) return;
    const change = classifyRecords(records);
    if (change.added || change.removedMarks) onChange(change);
  };
  const observer = new (win as Window & typeof globalThis).MutationObserver(deliver);
  const options: MutationObserverInit = { childList: true, subtree: true, characterData: true, characterDataOldValue: true };
  observer.observe(root, options);
  onDispose(owner, () => observer.disconnect());
  return {
    quiet(fn) {
      deliver(observer.takeRecords());
      try {
        return fn();
      } finally {
        observer.takeRecords(); // ours: dropped
      }
    },
  };
}
