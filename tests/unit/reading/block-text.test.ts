// @vitest-environment node
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blockText } from '../../../src/reading/block-text';

const parse = (html: string) => new DOMParser().parseFromString(`<html><body>${html}</body></html>`, 'text/html') as unknown as Document;

describe('blockText', () => {
  it('one line per block (textContent would run paragraphs together), spaces collapsed', () => {
    const doc = parse(
      '<div id="a"><p>One.</p><p>Two  <b>bold</b>\n words.</p><ul><li>Three</li><li>Four&nbsp;five</li></ul>Six<br>Seven</div>',
    );
    expect(blockText(doc.getElementById('a')!)).toBe('One.\nTwo bold words.\nThree\nFour five\nSix\nSeven');
  });

  it('leaves the element it reads unchanged', () => {
    const doc = parse('<div id="a"><p>One.</p><p>Two.</p></div>');
    const root = doc.getElementById('a')!;
    const before = root.outerHTML;
    blockText(root);
    expect(root.outerHTML).toBe(before);
  });
});
