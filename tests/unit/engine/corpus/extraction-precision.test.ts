/**
 * What is learned from pages nobody curated becomes what other pages are compared with, so extraction
 * must not take titles, scare quotes, a headline's fragment or the show's dialogue for interview quotes.
 * Fixture pages with such traps (tests/fixtures/extraction/*.txt) and the quotes a reader would call
 * speech (*.expected.json): precision and recall are printed and held at 1.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../../src/engine/corpus/document-extract';
import { LiveCorpus } from '../../../../src/engine/corpus/live-corpus';
import type { TopicSpec } from '../../../../src/engine/types';
import topic from '../../../../assets/corpus/topic.json';
import { ROOT } from '../../../support/repo';

const DIR = join(ROOT, 'tests/fixtures/extraction');
const pages = readdirSync(DIR).filter((f) => f.endsWith('.txt'));

interface Expected {
  utterances: string[];
  dialogue: string[];
}

/** The quotes the corpus counts for an article on its own, and the lines it labels as dialogue. */
function read(text: string): { speech: string[]; dialogue: { text: string; speaker: string | null }[] } {
  const extract = extractDocument(text, topic as TopicSpec);
  const live = new LiveCorpus();
  live.add([{ meta: { id: 'page', outlet: 'page', site: null, url: null, title: null, published: null }, extract, order: 0 }]);
  // A quote counts when the corpus grouped one of its units (utterances, and candidates it confirmed).
  const grouped = new Set(live.groups().flatMap((g) => g.variants.map((v) => v.start)));
  const counted = new Set(extract.units.filter((u) => grouped.has(u.start)).map((u) => u.quote));
  return {
    speech: extract.quotes.filter((_, i) => counted.has(i)).map((q) => text.slice(q.start, q.end)),
    dialogue: extract.quotes.filter((q) => q.role === 'dialogue').map((q) => ({ text: text.slice(q.start, q.end), speaker: q.speaker })),
  };
}

describe('extraction on pages nobody curated', () => {
  it('takes no title, scare quote, headline fragment or line of dialogue for speech (precision and recall printed)', () => {
    let right = 0;
    let wrong = 0;
    let missed = 0;
    for (const page of pages) {
      const text = readFileSync(join(DIR, page), 'utf8');
      const expected = JSON.parse(readFileSync(join(DIR, page.replace(/\.txt$/, '.expected.json')), 'utf8')) as Expected;
      const { speech, dialogue } = read(text);
      expect(
        dialogue.map((d) => d.text),
        page,
      ).toEqual(expected.dialogue);
      for (const s of speech) {
        if (expected.utterances.includes(s)) right++;
        else wrong++;
      }
      for (const e of expected.utterances) if (!speech.includes(e)) missed++;
      expect(
        speech.filter((s) => !expected.utterances.includes(s)),
        `${page}: taken for speech`,
      ).toEqual([]);
    }
    const precision = right / (right + wrong);
    const recall = right / (right + missed);
    console.info(
      `extraction on ${pages.length} trap pages: precision ${precision.toFixed(3)} (${right}/${right + wrong}), recall ${recall.toFixed(3)}`,
    );
    expect(precision).toBe(1);
    expect(recall).toBe(1);
  });

  it('labels show dialogue with the character who says it', () => {
    const { dialogue } = read(readFileSync(join(DIR, 'dialogue-recap.txt'), 'utf8'));
    expect(dialogue.map((d) => d.speaker)).toEqual(['Don Draper', 'Don Draper', 'Peggy Olson', 'Roger Sterling']);
  });
});
