import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleFromHtml, blockText } from '../../../src/popup/extract-article';
import { READABILITY_PATCHES, patchReadability } from '../../../scripts/readability-safe';
import { articlePage } from '../../support/article-page';

describe('article extraction (Readability on an inert DOMParser document)', () => {
  it('finds the article of a realistic news page: headline first, one line per paragraph, no nav or ads', async () => {
    const text = readFileSync('assets/corpus/nme.txt', 'utf8');
    const html = articlePage({ outlet: 'NME', title: 'Elisabeth Moss cried after Jon Hamm improvised iconic ‘Mad Men’ scene', text });
    const article = await articleFromHtml(html, 'https://www.nme.com/news/x');
    expect(article).not.toBeNull();
    expect(article!.text.split('\n')[0]).toContain('Elisabeth Moss cried');
    expect(article!.text).toContain('That’s actually real tears');
    expect(article!.text).not.toContain('Advertisement');
    expect(article!.text).not.toContain('All rights reserved');
    expect(article!.text.split('\n').length).toBeGreaterThan(5);
  });
  it('blockText keeps paragraph breaks that textContent would lose', () => {
    const div = document.createElement('div');
    div.append(
      Object.assign(document.createElement('p'), { textContent: 'One.' }),
      Object.assign(document.createElement('p'), { textContent: 'Two  words.' }),
    );
    expect(blockText(div)).toBe('One.\nTwo words.');
  });
});

describe('readability-safe build patch', () => {
  const source = readFileSync('node_modules/@mozilla/readability/Readability.js', 'utf8');
  it('leaves no innerHTML assignment in the installed Readability', () => {
    const patched = patchReadability(source);
    expect(patched).not.toMatch(/\.innerHTML\s*=[^=]/);
    for (const [, to] of READABILITY_PATCHES) expect(patched).toContain(to);
  });
  it('fails loudly when Readability changed', () => {
    expect(() => patchReadability('nothing to see')).toThrow(/expected/);
  });
});
