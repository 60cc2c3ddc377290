/**
 * Passing mentions: the topic named to describe something else ("Mad Men alum", "a Mad Men-era bar",
 * "a real-life Don Draper"). Such an occurrence never anchors a page and counts a fraction of its weight.
 * The frames are data (TopicSpec.passing); this module only reads them around an occurrence.
 */
import type { TopicSpec } from '../types';

/** TopicSpec.passing as patterns over the folded text around a term. */
export interface PassingFrames {
  /** Right after the term, lead and body only: "Mad Men alum", "Mad Men's reunion". */
  after: RegExp | null;
  /** Right before it, lead and body only: "since Mad Men". */
  before: RegExp | null;
  /** Within `window` words before it, same clause, lead and body only: "best known as Don Draper on Mad Men". */
  beforeNear: RegExp | null;
  window: number;
  /** Comparisons, read everywhere, title included: "Mad Men-era", "straight out of Mad Men". */
  likeAfter: RegExp | null;
  likeBefore: RegExp | null;
  /** A person's name as a type, read everywhere: "a Don Draper figure", "the Don Draper cut". */
  nameBefore: RegExp | null;
  nameKinds: ReadonlySet<string>;
}

const DASHES = '\\s\\-\u2010-\u2015';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, `[${DASHES}]+`);
const alternatives = (list: string[] | undefined) => (list && list.length > 0 ? list.map(escape).join('|') : null);

function afterPattern(list: string[] | undefined): RegExp | null {
  const words = alternatives(list);
  return words ? new RegExp(`^(?:['\u2019]s)?[${DASHES}]+(?:${words})(?![\\p{L}\\p{N}])`, 'iu') : null;
}

function beforePattern(list: string[] | undefined, ignoreCase = true): RegExp | null {
  const words = alternatives(list);
  return words ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${words})[${DASHES}]+$`, ignoreCase ? 'iu' : 'u') : null;
}

export function compilePassing(spec: TopicSpec): PassingFrames | null {
  const p = spec.passing;
  if (!p) return null;
  const near = alternatives(p.beforeNear);
  return {
    after: afterPattern(p.after),
    before: beforePattern(p.before),
    beforeNear: near ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${near})(?![\\p{L}\\p{N}])`, 'giu') : null,
    window: p.window ?? 6,
    likeAfter: afterPattern(p.likeAfter),
    likeBefore: beforePattern(p.likeBefore),
    nameBefore: beforePattern(p.nameBefore),
    nameKinds: new Set(p.nameKinds ?? []),
  };
}

/** Where the occurrence stands: titles, headlines and URLs are read for comparisons only. */
export interface FrameContext {
  /** Read every frame (lead, body), or only the comparisons and names-as-types (title, headline, URL). */
  allFrames: boolean;
  /** The signal's kind, for `nameKinds`. */
  kind: string;
}

/** Whether the term at [start, end) of the folded text stands in a passing frame. */
export function inPassingFrame(frames: PassingFrames, folded: string, start: number, end: number, at: FrameContext): boolean {
  const after = folded.slice(end, end + 40);
  const before = folded.slice(Math.max(0, start - 160), start);
  if (frames.likeAfter?.test(after) || frames.likeBefore?.test(before)) return true;
  if (frames.nameKinds.has(at.kind) && frames.nameBefore?.test(before)) return true;
  if (!at.allFrames) return false;
  if (frames.after?.test(after) || frames.before?.test(before)) return true;
  return nearFrame(frames, before);
}

function nearFrame(frames: PassingFrames, before: string): boolean {
  if (!frames.beforeNear) return false;
  // Same clause: nothing after a sentence stop, semicolon or colon before the term counts.
  const clause = before.slice(Math.max(...['.', ';', ':', '!', '?'].map((c) => before.lastIndexOf(c))) + 1);
  frames.beforeNear.lastIndex = 0;
  for (const m of clause.matchAll(frames.beforeNear)) {
    const between = clause.slice(m.index + m[0].length).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    if (between <= frames.window) return true;
  }
  return false;
}

/**
 * A term joined to a passing one by a possessive or a preposition belongs to the same description:
 * "likened to Mad Men's Peggy Olson", "a real-life Don Draper of Mad Men".
 */
export function joinedToPrevious(folded: string, previousEnd: number, start: number): boolean {
  if (previousEnd < 0 || start < previousEnd) return false;
  return /^(?:['\u2019]s)?\s+(?:(?:of|on|from|in)\s+)?$/u.test(folded.slice(previousEnd, start));
}
