/** An article element's text as the corpus captures are: one line per block, spaces collapsed. */

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dt, dd, div, section, article, header, br';
/** Marks the end of a block while the text is gathered (a private-use character: a newline in the source is only a space). */
const BREAK = '\uE000';

/** Element → text with one line per block (`textContent` runs paragraphs together). The element is not changed. */
export function blockText(root: Element): string {
  const clone = root.cloneNode(true) as Element;
  const doc = clone.ownerDocument;
  for (const el of clone.querySelectorAll(BLOCKS)) el.after(doc.createTextNode(BREAK));
  return (clone.textContent ?? '')
    .split(BREAK)
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
