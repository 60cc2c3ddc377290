/**
 * The text a reader sees, as one string the engine can search, with a map back to DOM text nodes.
 *
 * Why a map of our own rather than `innerText`: the engine's offsets must come back to exact
 * text-node positions so mark.js highlights what the engine found and nothing else.
 * Offsets are kept in two coordinate systems:
 *  - engine offsets, into `TextMap.text` (visible text, block breaks as "\n");
 *  - mark.js offsets, into the concatenation of every text node mark.js visits under the root
 *    (it skips only text whose parent is script/style/title/head/html, see `MARKJS_SKIPPED`).
 */

export interface TextSegment {
  node: Text;
  /** Where this node's text starts in `TextMap.text`. */
  textStart: number;
  /** Where this node's text starts in mark.js's composite string. */
  markStart: number;
  length: number;
}

export interface TextMap {
  /** Visible text; whitespace inside a node is kept length-for-length (tabs/newlines become spaces). */
  text: string;
  /** Visible text nodes in document order. */
  segments: TextSegment[];
}

export interface TextMapOptions {
  /** Decides whether an element and its subtree are shown; defaults to computed style. */
  isHidden?: (el: Element) => boolean;
  /** Decides whether an element starts a new block (a break in the text). */
  isBlock?: (el: Element) => boolean;
}

/** Elements whose text is never article text. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SVG', 'MATH', 'HEAD', 'TITLE', 'AUDIO', 'VIDEO',
]);

/** Parents whose text nodes mark.js leaves out of its composite string (mark.js 8 `matchesExclude`). */
const MARKJS_SKIPPED = new Set(['SCRIPT', 'STYLE', 'TITLE', 'HEAD', 'HTML']);

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH',
  'THEAD', 'TR', 'UL', 'IMG',
]);

/** Verbatim's own UI (hover card host) carries this attribute and is never read. */
export const OWN_UI_ATTRIBUTE = 'data-verbatim-ui';

function defaultIsHidden(el: Element): boolean {
  if ((el as HTMLElement).hidden) return true;
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(el);
  return style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse';
}

function defaultIsBlock(el: Element): boolean {
  const display = el.ownerDocument.defaultView?.getComputedStyle(el).display;
  if (display) return !display.startsWith('inline') && display !== 'contents';
  return BLOCK_TAGS.has(el.tagName.toUpperCase());
}

function isEditable(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value !== 'false';
}

function isSkipped(el: Element, isHidden: (el: Element) => boolean): boolean {
  return (
    SKIPPED_TAGS.has(el.tagName.toUpperCase()) ||
    el.hasAttribute(OWN_UI_ATTRIBUTE) ||
    isEditable(el) ||
    isHidden(el)
  );
}

/** Walks `root` once and returns its visible text with the offset map. */
export function buildTextMap(root: Element, options: TextMapOptions = {}): TextMap {
  const isHidden = options.isHidden ?? defaultIsHidden;
  const isBlock = options.isBlock ?? defaultIsBlock;
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let textLength = 0;
  let markLength = 0;
  let lastChar = '\n';

  const push = (s: string) => {
    parts.push(s);
    textLength += s.length;
    lastChar = s[s.length - 1] ?? lastChar;
  };
  const lineBreak = () => {
    if (lastChar !== '\n') push('\n');
  };

  // Counts text that mark.js sees but the reader does not, so later offsets stay aligned.
  const countHidden = (el: Element) => {
    const walker = el.ownerDocument.createTreeWalker(el, 4 /* SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!MARKJS_SKIPPED.has(n.parentElement?.tagName.toUpperCase() ?? '')) markLength += (n as Text).length;
    }
  };

  const visit = (el: Element) => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const node = child as Text;
        if (MARKJS_SKIPPED.has(el.tagName.toUpperCase())) continue;
        segments.push({ node, textStart: textLength, markStart: markLength, length: node.length });
        markLength += node.length;
        if (node.length > 0) push(node.data.replace(/[\t\n\r\f]/g, ' '));
      } else if (child.nodeType === 1) {
        const element = child as Element;
        if (isSkipped(element, isHidden)) {
          countHidden(element);
          continue;
        }
        if (element.tagName.toUpperCase() === 'BR') {
          push('\n');
          continue;
        }
        const block = isBlock(element);
        if (block) lineBreak();
        visit(element);
        if (block) lineBreak();
      }
    }
  };

  visit(root);
  return { text: parts.join(''), segments };
}

/** A span in engine offsets, with any extra data the caller wants carried to mark.js. */
export interface Span {
  start: number;
  end: number;
}

/** Index of the last segment whose text starts at or before `offset`. */
function segmentAt(segments: TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.textStart <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Converts an engine offset to a mark.js offset; offsets in inserted breaks snap to the next node. */
function toMarkOffset(map: TextMap, offset: number, edge: 'start' | 'end'): number {
  const { segments } = map;
  if (segments.length === 0) return 0;
  const i = segmentAt(segments, edge === 'end' ? offset - 1 : offset);
  const seg = segments[i]!;
  const within = Math.min(Math.max(offset - seg.textStart, 0), seg.length);
  return seg.markStart + within;
}

/** Converts engine spans to mark.js `markRanges` ranges, keeping the caller's extra fields. */
export function toMarkRanges<T extends Span>(map: TextMap, spans: T[]): (Omit<T, 'start' | 'end'> & { start: number; length: number })[] {
  return spans.map(({ start, end, ...rest }) => {
    const from = toMarkOffset(map, start, 'start');
    const to = toMarkOffset(map, end, 'end');
    return { ...rest, start: from, length: Math.max(0, to - from) };
  });
}
