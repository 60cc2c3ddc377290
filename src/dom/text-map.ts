/**
 * The text a reader sees, as one string the engine can search, with a map back to DOM text nodes.
 *
 * Why a map of our own rather than `innerText`: the engine's offsets must come back to exact
 * text-node positions so the highlighter marks what the engine found and nothing else. Offsets are
 * engine offsets, into `TextMap.text` (visible text, block breaks as "\n"); each visible text node is a
 * segment with the offset where its text starts. (Until issue 15 a second coordinate system counted the
 * text mark.js would walk, hidden text included; marking now wraps the segments' nodes directly.)
 *
 * The walk is resumable (`TextMapBuilder.step(deadline)`) so the highlighter can spread a 1 MB
 * article over several short tasks instead of one long one.
 */

export interface TextSegment {
  node: Text;
  /** Where this node's text starts in `TextMap.text`. */
  textStart: number;
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
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'OPTGROUP',
  'DATALIST',
  'BUTTON',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'SVG',
  'MATH',
  'HEAD',
  'TITLE',
  'AUDIO',
  'VIDEO',
]);

/** Parents whose own text nodes are never page text. */
const NO_TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'TITLE', 'HEAD', 'HTML']);

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'IMG',
]);

/** Verbatim's own UI (hover card host) carries this attribute and is never read. */
export const OWN_UI_ATTRIBUTE = 'data-verbatim-ui';

function isEditable(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value !== 'false';
}

/** One computed-style read per element decides both visibility and block-ness (it is the costly call). */
function classify(el: Element): { hidden: boolean; block: boolean } {
  if ((el as HTMLElement).hidden) return { hidden: true, block: false };
  const view = el.ownerDocument.defaultView;
  const style = view?.getComputedStyle(el);
  if (!style) return { hidden: false, block: BLOCK_TAGS.has(el.tagName.toUpperCase()) };
  const display = style.display;
  const hidden = display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse';
  // Some DOMs (happy-dom) report no display for unstyled elements: fall back to the tag.
  const block = display ? !display.startsWith('inline') && display !== 'contents' : BLOCK_TAGS.has(el.tagName.toUpperCase());
  return { hidden, block };
}

/** A resumable walk: call `step(deadline)` until it returns true, then read `map()`. */
export interface TextMapBuilder {
  /** Walks until `deadline()` says stop (checked every few nodes); returns true when the walk is complete. */
  step(deadline?: () => boolean): boolean;
  map(): TextMap;
}

type Frame = { el: Element; child: ChildNode | null; block: boolean };

export function textMapBuilder(root: Element, options: TextMapOptions = {}): TextMapBuilder {
  const isHidden = options.isHidden;
  const isBlock = options.isBlock;
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let textLength = 0;
  let lastChar = '\n';
  let done = false;

  const push = (s: string) => {
    parts.push(s);
    textLength += s.length;
    lastChar = s[s.length - 1] ?? lastChar;
  };
  const lineBreak = () => {
    if (lastChar !== '\n') push('\n');
  };
  const describe = (el: Element) => {
    if (isHidden && isBlock) return { hidden: isHidden(el), block: isBlock(el) };
    const computed = classify(el);
    return { hidden: isHidden ? isHidden(el) : computed.hidden, block: isBlock ? isBlock(el) : computed.block };
  };

  // An explicit stack instead of recursion, so the walk can stop between any two nodes and resume.
  const stack: Frame[] = [{ el: root, child: root.firstChild, block: false }];

  const step = (deadline: () => boolean = () => false): boolean => {
    let budget = 0;
    while (stack.length > 0) {
      if (++budget % 16 === 0 && deadline()) return false;
      const frame = stack[stack.length - 1]!;
      const child = frame.child;
      if (!child) {
        stack.pop();
        if (frame.block) lineBreak();
        continue;
      }
      frame.child = child.nextSibling;
      if (child.nodeType === 3) {
        const node = child as Text;
        if (NO_TEXT_PARENTS.has(frame.el.tagName.toUpperCase())) continue;
        segments.push({ node, textStart: textLength, length: node.length });
        if (node.length > 0) push(node.data.replace(/[\t\n\r\f]/g, ' '));
      } else if (child.nodeType === 1) {
        const element = child as Element;
        const tag = element.tagName.toUpperCase();
        if (tag === 'BR') {
          push('\n');
          continue;
        }
        if (SKIPPED_TAGS.has(tag) || element.hasAttribute(OWN_UI_ATTRIBUTE) || isEditable(element)) continue;
        const { hidden, block } = describe(element);
        if (hidden) continue;
        if (block) lineBreak();
        stack.push({ el: element, child: element.firstChild, block });
      }
    }
    done = true;
    return true;
  };

  return {
    step,
    map: () => {
      if (!done) throw new Error('text map read before the walk finished');
      return { text: parts.join(''), segments };
    },
  };
}

/** Walks `root` once and returns its visible text with the offset map. */
export function buildTextMap(root: Element, options: TextMapOptions = {}): TextMap {
  const builder = textMapBuilder(root, options);
  builder.step();
  return builder.map();
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

/** A position in the DOM: a text node and an offset inside it. */
export interface DomPoint {
  segment: number;
  node: Text;
  offset: number;
}

/**
 * The DOM position of an engine offset. Offsets that fall in an inserted break snap into the
 * neighbouring node: a start to the next node, an end to the previous one.
 */
export function locate(map: TextMap, offset: number, edge: 'start' | 'end'): DomPoint | null {
  const { segments } = map;
  if (segments.length === 0) return null;
  let i = segmentAt(segments, edge === 'end' ? offset - 1 : offset);
  let seg = segments[i]!;
  if (edge === 'start' && offset >= seg.textStart + seg.length && i + 1 < segments.length) {
    // In a break after this node: the span really starts in the next one.
    i += 1;
    seg = segments[i]!;
  }
  const within = Math.min(Math.max(offset - seg.textStart, 0), seg.length);
  return { segment: i, node: seg.node, offset: within };
}
