/**
 * Property-based tests over generated DOMs: text extraction → matching → mark.js highlighting must
 * never throw, never change what the page says, undo exactly, be idempotent, and highlight every
 * planted corpus quote and nothing else.
 *
 * Runs VERBATIM_FUZZ_RUNS cases (default 2 000 per `npm test`; `npm run test:fuzz` runs 50 000 as ten
 * seeded batches of 5 000 in fresh processes: one happy-dom window over 50 000 pages runs out of heap).
 */
import { CORPUS_DIR } from '../../support/corpus';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { markSpans, unhighlight } from '../../../src/content/highlight';
import { domStillSays, resolveSpan } from '../../../src/content/resolved-span';
import { buildTextMap } from '../../../src/dom/text-map';
import { matchQuotes } from '../../../src/engine/match/match';
import { indexPack, type PackIndex } from '../../../src/engine/match/pack-index';
import { buildPackFromDir } from '../../../src/node/corpus-dir';
import { pageArb } from '../../support/generated-pages/arbitraries';
import { renderPage } from '../../support/generated-pages/render';

const RUNS = Number(process.env.VERBATIM_FUZZ_RUNS ?? 2000);
/** Set by `npm run test:fuzz` (scripts/fuzz.ts), which runs batches in fresh processes; otherwise random. */
const SEED = process.env.VERBATIM_FUZZ_SEED ? Number(process.env.VERBATIM_FUZZ_SEED) : undefined;
const WORD = /[\p{L}\p{N}]+/gu;
const words = (s: string) => s.match(WORD) ?? [];

let index: PackIndex;
let sentences: { sentence: string; group: string }[];

beforeAll(async () => {
  const pack = await buildPackFromDir(CORPUS_DIR);
  index = indexPack(pack);
  // Quotes long enough that the matcher must find them anywhere (short ones are too ambiguous to promise).
  sentences = pack.groups.filter((g) => g.consensus.split(' ').length >= 8).map((g) => ({ sentence: g.consensus, group: g.id }));
});

/**
 * One pass of what the highlighter does on a page: every span resolved to the DOM once, then all of them
 * in one mark.js call (a short page), or one at a time, last first, each checked against the DOM right
 * before it is marked (a long page; src/content/page-marks.ts picks).
 */
function pass(root: HTMLElement, oneAtATime = false): void {
  unhighlight(root);
  const map = buildTextMap(root);
  // Each quote in its pieces (one per block it covers), flattened in page order.
  const spans = matchQuotes(index, map.text).flatMap((span) => {
    const resolved = resolveSpan(map, span);
    expect(resolved, `span ${span.start}-${span.end} not found in the DOM it was read from`).not.toBeNull();
    return resolved!;
  });
  if (!oneAtATime) markSpans(map, spans);
  else {
    for (const span of [...spans].reverse()) {
      // Marking the later spans never takes away text an earlier one's points are in.
      expect(domStillSays(map, span)).toBe(true);
      markSpans(map, [span]);
    }
  }
}

describe('highlighting generated pages', () => {
  it(
    `holds every invariant over ${RUNS} generated pages`,
    () => {
      fc.assert(
        fc.property(
          fc.constant(null).chain(() => pageArb(sentences)),
          (blocks) => {
            document.body.replaceChildren();
            const { root, planted, shadowHosts } = renderPage(document, blocks);
            document.body.appendChild(root);
            const html = root.innerHTML;
            const text = root.textContent;

            pass(root);
            const highlighted = root.innerHTML;

            // The page says exactly what it said, and shadow roots are untouched.
            expect(root.textContent).toBe(text);
            for (const { host, text: shadowText } of shadowHosts) {
              expect(host.shadowRoot!.textContent).toBe(shadowText);
              expect(host.shadowRoot!.querySelector('mark')).toBeNull();
            }

            // Nothing but planted quotes is marked, each with its own group, and marks never nest.
            const marks = Array.from(root.querySelectorAll('mark.verbatim-quote'));
            expect(root.querySelector('mark.verbatim-quote mark.verbatim-quote')).toBeNull();
            for (const mark of marks) {
              const host = mark.closest('[data-planted]');
              expect(host, `stray mark "${mark.textContent}"`).not.toBeNull();
              expect(mark.getAttribute('data-verbatim-group')).toBe(planted.get(host!.getAttribute('data-planted')!));
            }

            // Every word of every planted quote is marked.
            for (const piece of Array.from(root.querySelectorAll('[data-planted]'))) {
              const marked = Array.from(piece.querySelectorAll('mark.verbatim-quote'))
                .map((m) => m.textContent)
                .join(' ');
              expect(words(marked), `unmarked words in "${piece.textContent}"`).toEqual(words(piece.textContent ?? ''));
            }

            // Running again changes nothing; switching off restores the DOM exactly.
            pass(root);
            expect(root.innerHTML).toBe(highlighted);
            unhighlight(root);
            expect(root.innerHTML).toBe(html);

            // Marking one span at a time (long pages) leaves exactly the same DOM as one call for all.
            pass(root, true);
            expect(root.innerHTML).toBe(highlighted);
          },
        ),
        { numRuns: RUNS, seed: SEED },
      );
    },
    30_000 + RUNS * 25,
  );
});
