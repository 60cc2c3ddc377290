/** Quote extraction rules, each with a small hand-made text (traps included). */
import { describe, expect, it } from 'vitest';
import { classifySpans, findQuotedSpans, spanRole } from '../../../../src/engine/corpus/extract';
import { extractDocument } from '../../../../src/engine/corpus/document-extract';
import { LiveCorpus } from '../../../../src/engine/corpus/live-corpus';
import { splitSentences } from '../../../../src/engine/corpus/sentences';

/** The utterances of one article judged on its own (no corpus pass, so short candidates are dropped). */
const extractQuotes = (t: string) => classifySpans(t, findQuotedSpans(t)).utterances.map((s) => ({ ...s, text: t.slice(s.start, s.end) }));

const texts = (t: string): string[] => extractQuotes(t).map((q) => q.text);

describe('quotes of a single article', () => {
  it('finds curly and straight double quotes with exact offsets', () => {
    const t = '“I loved every minute of it,” she said. He added: "We will be back next year for sure."';
    const quotes = extractQuotes(t);
    expect(quotes.map((q) => q.text)).toEqual(['I loved every minute of it,', 'We will be back next year for sure.']);
    for (const q of quotes) expect(t.slice(q.start, q.end)).toBe(q.text);
  });

  it('never takes apostrophes for quote marks (didn’t, Moss’ co-star, ’50s, word-final ’)', () => {
    const t = 'Moss’ co-star didn’t say it. “It was the ’50s and the actors’ union was strong,” Jones said.';
    expect(texts(t)).toEqual(['It was the ’50s and the actors’ union was strong,']);
  });

  it("straight apostrophes too: it's, '60s, Moss' real-life", () => {
    const t = "For Betty, it's the '60s. Moss' real-life friend said \"it's a very long story about the show.\"";
    expect(texts(t)).toEqual(["it's a very long story about the show."]);
  });

  it('keeps a nested quote inside the outer utterance and never as an utterance of its own', () => {
    const t = '“I happened upon the phrase ‘Lavender Haze’ when I was watching the show,” she said.';
    const spans = findQuotedSpans(t);
    expect(spans.map((s) => [t.slice(s.start, s.end), s.depth])).toEqual([
      ['I happened upon the phrase ‘Lavender Haze’ when I was watching the show,', 0],
      ['Lavender Haze', 1],
    ]);
    expect(spanRole(t, spans[1]!)).toBe('nested');
    expect(texts(t)).toHaveLength(1);
  });

  it('closes a nested single quote before a comma: ‘Lavender Haze,’', () => {
    const t = '“Like, if you were in the ‘Lavender Haze,’ that meant you were in love.”';
    expect(texts(t)).toEqual(['Like, if you were in the ‘Lavender Haze,’ that meant you were in love.']);
  });

  it('reads single-quote utterances', () => {
    expect(texts("She said 'we never planned any of this at all' and left.")).toEqual(['we never planned any of this at all']);
  });

  it('joins a quote that runs over paragraphs (unclosed paragraph, next opens with a mark)', () => {
    const t = 'He said: “That was the first part of the answer.\n\n“And this is the second part of it.”';
    const quotes = extractQuotes(t);
    expect(quotes.map((q) => [q.text, q.continues])).toEqual([
      ['That was the first part of the answer.', false],
      ['And this is the second part of it.', true],
    ]);
  });

  it('a quote that never closes runs to the end of its paragraph, and the next paragraph is not swallowed', () => {
    const t = 'She said “this quote never closes at all\n\nThe next paragraph is narrative.';
    const quotes = extractQuotes(t);
    expect(quotes.map((q) => [q.text, q.close])).toEqual([['this quote never closes at all', null]]);
  });

  it('treats titles and scare quotes as non-utterances', () => {
    const t = "On “Mad Men” it felt “real”. Her ‘Midnights’ track. Behind 'Blade of Grass' today. “The Handmaid’s Tale” too.";
    expect(texts(t)).toEqual([]);
  });

  it('marks headline / standfirst / subhead quotes as standalone', () => {
    const t = 'Headline\n\n\'It all felt very real\'\n\n"It all felt very real," Moss said.';
    const spans = findQuotedSpans(t);
    expect(spans.map((s) => s.standalone)).toEqual([true, false]);
  });

  it('keeps a short partial quote only when it repeats words of an utterance elsewhere in the corpus', () => {
    const a = 'Moss said it “all felt very real” during filming, and it was “real” indeed.';
    const b = '“It all felt very real. I loved it,” Moss said.';
    const c = 'Nothing here but “quite different words”.';
    const live = new LiveCorpus();
    const doc = (id: string, text: string, order: number) => ({
      meta: { id, outlet: id, site: null, url: null, title: null, published: null },
      extract: extractDocument(text),
      order,
    });
    live.add([doc('a', a, 0), doc('c', c, 2)]);
    expect(live.hasQuotes('a')).toBe(false); // nothing in the corpus says those words yet
    live.add([doc('b', b, 1)]);
    expect(live.hasQuotes('a')).toBe(true);
    expect(live.hasQuotes('c')).toBe(false);
    const group = live.groups().find((g) => g.variants.some((v) => v.document === 'a'))!;
    expect(group.variants.map((v) => [v.document, v.text])).toEqual([
      ['a', 'all felt very real'],
      ['b', 'It all felt very real.'],
    ]);
    live.remove(['b']);
    expect(live.hasQuotes('a')).toBe(false);
  });
});

describe('splitSentences', () => {
  const split = (t: string): string[] => splitSentences(t).map((s) => t.slice(s.start, s.end));

  it('splits on sentence punctuation followed by a capital', () => {
    expect(split('It all felt very real. I had a very close relationship with Jon.')).toEqual([
      'It all felt very real.',
      'I had a very close relationship with Jon.',
    ]);
  });

  it('keeps abbreviations, initials and dotted forms inside the sentence', () => {
    expect(split('Mr. Hamm met J. K. Rowling in the U.S. on Monday. Then he left.')).toEqual([
      'Mr. Hamm met J. K. Rowling in the U.S. on Monday.',
      'Then he left.',
    ]);
  });

  it('never splits at an ellipsis (the grouper splits pieces itself)', () => {
    expect(split('we did this scene ... Those are real tears … because he held on.')).toHaveLength(1);
  });

  it('does not split before a lower-case word', () => {
    expect(split('It was real. and then it ended.')).toHaveLength(1);
  });
});
