/**
 * No mark past the corpus, in the browser: pages whose quotations run on beyond every corpus wording
 * (tests/support/continued-quotes.ts, generated and hand-written) are loaded from 127.0.0.1 with the built
 * extension, and the marks are read from the DOM. A marked character is right only inside its own group's
 * corpus wording (each quote paragraph says where: `data-truth="group start end"` over its textContent).
 * Run by continued-quotes.{chromium,firefox}.e2e.test.ts.
 */
import { expect, it } from 'vitest';
import type { Pack } from '../../../src/engine/types';
import { continuedPageHtml, continuedPages, type ContinuedPage } from '../../support/continued-quotes';
import type { Driver } from './page-driver';
import type { PageServer } from './server';
import { untilReported } from './waits';

interface Measured {
  marked: number;
  outside: number;
  overruns: string[];
  planted: number;
  found: number;
}

/** Runs in the page (serialised by the driver): keep it self-contained. */
function measureMarks(): Measured {
  const out: Measured = { marked: 0, outside: 0, overruns: [], planted: 0, found: 0 };
  const offsetIn = (block: Element, node: Node): number => {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let offset = 0;
    for (let n = walker.nextNode(); n && n !== node; n = walker.nextNode()) offset += (n as Text).length;
    return offset;
  };
  for (const block of Array.from(document.querySelectorAll('p[data-truth]'))) {
    out.planted++;
    const group = block.getAttribute('data-truth')!.split(' ')[0];
    if (Array.from(block.querySelectorAll('mark.verbatim-quote')).some((m) => m.getAttribute('data-verbatim-group') === group)) out.found++;
  }
  for (const mark of Array.from(document.querySelectorAll('mark.verbatim-quote'))) {
    const text = mark.textContent ?? '';
    out.marked += text.length;
    const block = mark.closest('p[data-truth]');
    const [group, from, to] = block ? block.getAttribute('data-truth')!.split(' ') : ['', '0', '0'];
    const first = mark.firstChild;
    const start = block && first ? offsetIn(block, first) : 0;
    const inside =
      group === mark.getAttribute('data-verbatim-group')
        ? Math.max(0, Math.min(start + text.length, Number(to)) - Math.max(start, Number(from)))
        : 0;
    out.outside += text.length - inside;
    if (inside < text.length) out.overruns.push(text);
  }
  return out;
}

/** Hand-written pages: the issue's own quotation, and a lead-in, a comma and "and" around reworded wordings. */
function handWritten(pack: Pack): ContinuedPage[] {
  const line = (consensusStart: string, text: string, wording: string) => {
    const group = pack.groups.find((g) => g.consensus.startsWith(consensusStart))!.id;
    const start = text.indexOf(wording);
    return { text, truth: { group, start, end: start + wording.length, how: 'dash' as const } };
  };
  return [
    {
      title: 'Elisabeth Moss on the Mad Men scene with Jon Hamm',
      lines: [
        { text: 'Moss looked back at the Season 5 episode and her Mad Men co-star.' },
        line(
          'Like, that right there',
          '“Like, that right there is the real Jon — the veins in his head, I can see him at that moment.”',
          'Like, that right there is the real Jon',
        ),
        line(
          'None of that',
          '“You know what? None of that was in the script and he did it on my close-up, and I was stunned.”',
          'None of that was in the script and he did it on my close-up',
        ),
        line(
          'I had a very close',
          '“I had a very close relationship with John and we talked every single day,” Moss said.',
          'I had a very close relationship with John',
        ),
        line(
          'He held onto',
          // "her" for the corpus's "it" (a reworded word, inside the wording), then a sentence of the speaker's own.
          '“He held onto my hand and did not let go and then kissed her. It was a very special day.”',
          'He held onto my hand and did not let go and then kissed her',
        ),
      ],
    },
  ];
}

export function continuedSuite(env: { readonly driver: Driver; readonly server: PageServer; readonly pack: Pack }): void {
  it('marks only what a corpus wording has: ≥ 99 % of marked characters inside the corpus quotes', async () => {
    const { driver, server, pack } = env;
    const pages = [...handWritten(pack), ...continuedPages(pack, 10, 11)];
    const total: Measured = { marked: 0, outside: 0, overruns: [], planted: 0, found: 0 };
    for (const [i, page] of pages.entries()) {
      const url = server.set(`/continued/mad-men-elisabeth-moss-${i}.html`, continuedPageHtml(page));
      const tab = await driver.open(url);
      try {
        await untilReported(driver, url);
        const m = await tab.eval(measureMarks);
        for (const k of ['marked', 'outside', 'planted', 'found'] as const) total[k] += m[k];
        total.overruns.push(...m.overruns);
      } finally {
        await tab.close();
      }
    }
    console.log(
      `${driver.browser}: ${total.marked} characters marked, ${total.outside} outside the corpus wordings; ${total.found}/${total.planted} quotes marked`,
    );
    expect(total.overruns).toEqual([]);
    expect(1 - total.outside / total.marked).toBeGreaterThanOrEqual(0.99);
    // The engine finds ~90 % of these wordings (tests/unit/engine/match/continued-quotes.test.ts); the browser must as well.
    expect(total.found / total.planted).toBeGreaterThanOrEqual(0.85);
  });
}
