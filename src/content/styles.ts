/**
 * The highlight style. It must survive whatever the page does to `mark` (restyle, hide, recolour)
 * and never move the page's text, so:
 *  - it is one constructed stylesheet adopted by the document: no <style> element in the page's DOM;
 *  - the selector outranks page rules: two `:not(#…)` add ID-level specificity without needing an ID,
 *    and every declaration is !important;
 *  - `all: unset` drops anything the page gave `mark` (padding, borders, fonts, display:none, opacity),
 *    then only colours are set: nothing that takes space, so layout cannot change;
 *  - the colour is picked by the luminance of the background behind each quote (light or dark page), and
 *    the marked text is black or white, whichever reads better on it: the page's own colour (a link's blue,
 *    a grey byline) can fall under 4.5:1 on a highlight, and a page that changes theme changes it.
 */
import { DEFAULT_COLORS, type HighlightColors } from '../shared/settings';
import { GROUP_ATTRIBUTE, MARK_CLASS } from './highlight';

export const TONE_ATTRIBUTE = 'data-verbatim-tone';
/** On every mark of the quote the keyboard is on; its outline is one ring around them all (./focus-ring.ts). */
export const FOCUS_ATTRIBUTE = 'data-verbatim-focus';

const SELECTOR = `mark.${MARK_CLASS}[${GROUP_ATTRIBUTE}]:not(#verbatim-a):not(#verbatim-b)`;

/** Only valid-looking CSS colours from settings reach the stylesheet (a stored value could hold anything). */
function safeColor(value: string, fallback: string): string {
  if (value === fallback) return value; // the defaults (most pages): no pattern to compile in the page
  return /^(#[0-9a-f]{3,8}|[a-z]+|(rgb|hsl)a?\([\d\s.,%/]+\))$/i.test(value.trim()) ? value.trim() : fallback;
}

/** `#rgb`, `#rrggbb` (alpha ignored) or `rgb()` as `rgb()`; null for names and hsl(). */
function asRgb(color: string): string | null {
  if (/^rgba?\(/i.test(color)) return color;
  const hex = color.match(/^#([0-9a-f]{3,8})$/i)?.[1];
  if (!hex || hex.length === 5 || hex.length === 7) return null;
  const full = hex.length <= 4 ? [...hex.slice(0, 3)].map((c) => c + c).join('') : hex.slice(0, 6);
  return `rgb(${[0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)).join(', ')})`;
}

/**
 * Black or white, whichever contrasts more with `background` (one of them is at least 4.58:1 on any colour);
 * `fallback` for colours not parsed here (names, hsl()).
 */
export function textOn(background: string, fallback: '#000' | '#fff'): '#000' | '#fff' {
  const rgb = asRgb(background);
  const lum = rgb === null ? null : luminance(rgb);
  return lum === null ? fallback : lum < 0.179 ? '#fff' : '#000';
}

export function highlightCss(colors: HighlightColors): string {
  const light = safeColor(colors.light, DEFAULT_COLORS.light);
  const dark = safeColor(colors.dark, DEFAULT_COLORS.dark);
  return [
    `${SELECTOR} { all: unset !important; display: inline !important; visibility: visible !important;` +
      ` opacity: 1 !important; color: ${textOn(light, '#000')} !important; background: ${light} !important;` +
      ` border-radius: 2px !important; cursor: help !important; -webkit-box-decoration-break: clone !important;` +
      ` box-decoration-break: clone !important; }`,
    `${SELECTOR}[${TONE_ATTRIBUTE}="dark"] { color: ${textOn(dark, '#fff')} !important; background: ${dark} !important; }`,
    `@media (forced-colors: active) { ${SELECTOR} { background: Mark !important; color: MarkText !important; } }`,
  ].join('\n');
}

/** The installed stylesheet. */
export interface HighlightStyles {
  update(colors: HighlightColors): void;
  remove(): void;
}

/**
 * Installs the stylesheet; returns a function to update its colours and one to remove it.
 * Falls back to a <style> in <head> (outside <body>, so the body's markup is untouched) where
 * constructed stylesheets cannot be adopted from a content script.
 */
export function installStyles(doc: Document, colors: HighlightColors): HighlightStyles {
  try {
    const sheet = new (doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet)();
    sheet.replaceSync(highlightCss(colors));
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    if (!doc.adoptedStyleSheets.includes(sheet)) throw new Error('not adopted');
    return {
      update: (c) => sheet.replaceSync(highlightCss(c)),
      remove: () => {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      },
    };
  } catch {
    const style = doc.createElement('style');
    style.setAttribute('data-verbatim-ui', '');
    style.textContent = highlightCss(colors);
    (doc.head ?? doc.documentElement).appendChild(style);
    return {
      update: (c) => {
        style.textContent = highlightCss(c);
      },
      remove: () => style.remove(),
    };
  }
}

/** Relative luminance (WCAG) of a CSS `rgb()/rgba()` colour; null when transparent or unparsable. */
export function luminance(color: string): number | null {
  const m = color.match(/rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)/);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  if (alpha < 0.5) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export type Tone = 'light' | 'dark';

/**
 * A tone reader for one pass: "dark" when the first opaque background behind an element is dark (below
 * luminance 0.179, where white text out-contrasts black); no opaque background at all means white.
 * It remembers the answer for every element on the way up, so hundreds of quotes on a long page read each
 * ancestor's computed background once (the unmemoised walk was one of the 1 MB page's long tasks).
 * One reader per pass, asked before the pass marks anything (the highlighter's reconcile says why); a
 * remembered tone is only true while the page's styles stay as they were.
 */
export function toneReader(win: Window): (el: Element) => Tone {
  const known = new Map<Element, Tone>();
  return (el) => {
    const path: Element[] = [];
    let found: Tone | undefined;
    for (let n: Element | null = el; n; n = n.parentElement) {
      found = known.get(n);
      if (found) break;
      path.push(n);
      const lum = luminance(win.getComputedStyle(n).backgroundColor);
      if (lum !== null) {
        found = lum < 0.179 ? 'dark' : 'light';
        break;
      }
    }
    const tone = found ?? 'light';
    for (const n of path) known.set(n, tone);
    return tone;
  };
}
