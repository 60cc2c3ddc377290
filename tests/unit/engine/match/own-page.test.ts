/**
 * A page learned into the corpus is never its own evidence: once it is a corpus document, what only it
 * quotes — a continuation past every other outlet's wording, a quote nobody else has — must not be marked
 * on it, while what other outlets share with it still is.
 */
import { describe, expect, it } from 'vitest';
import { analysePage } from '../../../../src/engine/analyse';
import { indexPack } from '../../../../src/engine/match/pack-index';
import { matchQuotes } from '../../../../src/engine/match/match';
import type { Pack } from '../../../../src/engine/types';
import { documentsOfPage } from '../../../../src/reading/page-url';
import { packOf } from './pack-helper';

const SHARED = 'He held onto my hand and didn’t let go and then kissed it.';
const LONGER = 'He held onto my hand and didn’t let go and then kissed it, and I just lost it completely after that.';
const ONLY_MINE = 'You could see it in his face, the whole way through that last long scene we shot together.';
const URL = 'https://www.screendaily.example/news/moss-hamm';

/** Two bundled outlets with the shared wording; the page itself, learned, with its longer one and a quote of its own. */
function learnedPack(): Pack {
  const pack = packOf([[SHARED, SHARED, LONGER]]);
  pack.documents[2] = { ...pack.documents[2]!, url: URL };
  pack.groups.push({
    id: 'g-own',
    speaker: 'Elisabeth Moss',
    source: null,
    consensus: ONLY_MINE,
    variants: [{ document: 'doc2', text: ONLY_MINE, start: 0, end: ONLY_MINE.length, change: [] }],
  });
  return pack;
}

const PAGE = `Moss remembered the goodbye. “${LONGER}” she said. “${ONLY_MINE}” she added.`;

describe('a page is never its own source', () => {
  const index = indexPack(learnedPack());

  it('without knowing the page, its own wordings mark all it quotes (the failure)', () => {
    const marked = matchQuotes(index, PAGE).map((q) => q.text);
    expect(marked.some((t) => t.includes('lost it completely'))).toBe(true);
    expect(marked.some((t) => t.includes('whole way through'))).toBe(true);
  });

  it('knowing it, only what other outlets word is marked, and the page is not listed as an outlet', () => {
    const quotes = matchQuotes(index, PAGE, { notFrom: new Set(['doc2']) });
    expect(quotes.map((q) => q.text)).toEqual(['He held onto my hand and didn’t let go and then kissed it']);
    expect(quotes[0]!.outlets.map((o) => o.document)).toEqual(['doc0', 'doc1']);
  });

  it('the page is found by its URL however it is written (tracking, AMP, www), and analysePage leaves it out', () => {
    const pack = learnedPack();
    expect([...documentsOfPage(pack.documents, 'http://screendaily.example/news/moss-hamm/?utm_source=x#top')]).toEqual(['doc2']);
    expect(documentsOfPage(pack.documents, 'https://www.screendaily.example/news/other').size).toBe(0);
    const page = { url: `${URL}?utm_medium=social`, title: 'Mad Men: Moss on Jon Hamm', text: PAGE };
    const own = documentsOfPage(pack.documents, page.url);
    expect(analysePage(index, page, own).quotes.map((q) => q.group)).toEqual(['g0']);
  });

  it('a wording the page shares with another outlet still counts (it is not the page’s alone)', () => {
    const pack = packOf([[SHARED, LONGER, LONGER]]);
    const quotes = matchQuotes(indexPack(pack), PAGE, { notFrom: new Set(['doc2']) });
    expect(quotes.map((q) => q.text)).toEqual([LONGER]);
  });
});
