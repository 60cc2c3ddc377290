/**
 * One test per way outlets reword a quote (tense, a dropped word, brackets, ellipsis, respelled names…), on a
 * small hand-built pack of corpus sentences:
 * the page wording is produced from the corpus wording by exactly that kind of change.
 */
import { describe, expect, it } from 'vitest';
import { matchQuotes, type QuoteMatch } from '../../../../src/engine/match/match';
import { indexPack } from '../../../../src/engine/match/pack-index';
import { packOf } from './pack-helper';

const pack = packOf([
  ['It all felt very real.'],
  ['I had a very close relationship with Jon.', 'I have a very close relationship with Jon [Hamm].'],
  [
    'There was sort of like a mentor/protégé relationship there, very older brother, little sister.',
    'There was sort of like a mentor-protegé relationship there, very older brother/little sister.',
  ],
  ['And so it meant something to the both of us when we did this scene.'],
  ['That right there is real.'],
  ["That's actually real tears, which you know, hate to break it to you, but often we're faking it.", 'Those are real tears ...'],
  ["He held onto my hand and didn't let go and then kissed it."],
  ['None of that was in the script and he did it on my close-up.', 'None of that was in the script, and he did it on my close up.'],
  ['Like, that right there is the real Jon.'],
  ['Moss starred as Peggy Olson opposite Hamm’s Don Draper, with the pair sharing an emotional departure scene.'],
]);
const index = indexPack(pack);

function match(text: string): QuoteMatch[] {
  return matchQuotes(index, text);
}

/** The group ids matched, in page order. */
function groups(text: string): string[] {
  return match(text).map((m) => m.group);
}

describe('matchQuotes: wording patterns', () => {
  it('finds an exact quote and reports page offsets and wording', () => {
    const page = 'Intro text. “None of that was in the script and he did it on my close-up,” she said.';
    const [m] = match(page);
    expect(m).toBeDefined();
    expect(m!.group).toBe('g7');
    expect(page.slice(m!.start, m!.end)).toBe(m!.text);
    expect(m!.text).toBe('None of that was in the script and he did it on my close-up');
    expect(m!.similarity).toBe(1);
    expect(m!.outlets.map((o) => o.document)).toEqual(['doc0', 'doc1']);
  });

  it('matches the second transcription family ("that\'s actually, those are real tears")', () => {
    expect(
      groups("She said: that's actually, those are real tears, which you know, hate to break it to you, but often we're faking it."),
    ).toEqual(['g5']);
  });

  it('highlights only the part that matches when the page quote runs past the corpus wording', () => {
    const page =
      'She added: “Like, that right there is the real Jon — the veins in his head, I can see him in that moment. He held onto my hand and didn’t let go and then kissed it.”';
    const ms = match(page);
    const jon = ms.find((m) => m.group === 'g8');
    expect(jon?.text).toBe('Like, that right there is the real Jon');
    expect(ms.some((m) => m.text.includes('veins'))).toBe(false);
  });

  it('ignores commas added or dropped', () => {
    expect(groups('None of that was in the script, and he did it, on my close up.')).toEqual(['g7']);
  });

  it('treats a slash turned into a hyphen (or a space) as the same words', () => {
    expect(groups('There was sort of like a mentor-protege relationship there, very older brother-little sister.')).toEqual(['g2']);
    expect(groups('There was sort of like a mentor protege relationship there very older brother little sister')).toEqual(['g2']);
  });

  it('splits two corpus sentences merged with "and so"', () => {
    const ms = match(
      'There was sort of like a mentor/protégé relationship there, very older brother, little sister, and so it meant something to the both of us when we did this scene.',
    );
    expect(ms.map((m) => m.group)).toEqual(['g2', 'g3']);
    expect(ms[1]!.text.startsWith('and so it meant')).toBe(true);
  });

  it('matches one corpus sentence split in two', () => {
    const ms = match('None of that was in the script. And he did it on my close-up.');
    expect(ms.map((m) => m.group)).toEqual(['g7']);
    expect(ms[0]!.text).toBe('None of that was in the script. And he did it on my close-up.');
  });

  it('tolerates a tense change (had → have) and a respelled name (Jon → John)', () => {
    const [m] = match('“I have a very close relationship with John,” Moss said.');
    expect(m?.group).toBe('g1');
    expect(m!.similarity).toBeLessThan(1);
    expect(m!.similarity).toBeGreaterThan(0.8);
  });

  it('tolerates respelled names: Olsen, Ham, Elizabeth', () => {
    expect(groups('Moss starred as Peggy Olsen opposite Ham’s Don Draper, with the pair sharing an emotional departure scene.')).toEqual([
      'g9',
    ]);
  });

  it('ignores dropped accents', () => {
    expect(groups('There was sort of like a mentor/protege relationship there, very older brother, little sister.')).toEqual(['g2']);
  });

  it('matches a quote broken over several lines (caption elements)', () => {
    const page = 'None of that\nwas in the script\n\nand he did it\non my close-up.';
    const [m] = match(page);
    expect(m?.group).toBe('g7');
    expect(m!.start).toBe(0);
    expect(m!.end).toBe(page.length);
  });

  it('matches without quote marks', () => {
    expect(groups('The actress said none of that was in the script and he did it on my close up and laughed.')).toEqual(['g7']);
  });

  it('matches a machine-spun copy with synonyms', () => {
    expect(groups('He held onto my hand and really did not let go and afterwards kissed it.')).toEqual(['g6']);
    expect(groups('There was kind of like a mentor/protégé partnership there, very older sibling, little sister.')).toEqual(['g2']);
  });

  it('matches a back-translated copy ("John Ham", reordered words)', () => {
    expect(groups('There was like a relationship mentor/protege there, very big brother, little sister.')).toEqual(['g2']);
    expect(groups('He held my hand and did not let go and then kissed it.')).toEqual(['g6']);
  });

  it('accepts a short sentence only next to an accepted quote', () => {
    expect(groups('That right there is real.')).toEqual([]);
    expect(groups('It all felt very real.')).toEqual([]);
    expect(
      groups('“That right there is real. That’s actually real tears, which you know, hate to break it to you, but often we’re faking it.”'),
    ).toEqual(['g4', 'g5']);
    expect(groups('“It all felt very real,” Moss said. “I had a very close relationship with Jon.”')).toEqual(['g0', 'g1']);
  });

  it('returns matches sorted by start and never overlapping', () => {
    const ms = match(
      'That right there is real. That’s actually real tears, which you know, hate to break it to you, but often we’re faking it. He held onto my hand and didn’t let go and then kissed it. None of that was in the script and he did it on my close-up. Like, that right there is the real Jon.',
    );
    expect(ms.map((m) => m.group)).toEqual(['g4', 'g5', 'g6', 'g7', 'g8']);
    for (let k = 1; k < ms.length; k++) expect(ms[k]!.start).toBeGreaterThanOrEqual(ms[k - 1]!.end);
  });
});

describe('matchQuotes: precision', () => {
  it.each([
    'I had a very long day at work.',
    'That right there is the problem with this team.',
    'The only thing that matters is the next step.',
    'It was never in the script, the director admitted.',
    'I had a very close relationship with him.',
    'Those were real tears, she said, and none of that was planned.',
    'He held my hand for a long time.',
    'It all felt very real and a little absurd.',
    'There was a real relationship there, like a brother and a sister.',
  ])('does not match unrelated text sharing common words: %s', (text) => {
    expect(match(text)).toEqual([]);
  });

  it('does not match when every word is present but scrambled', () => {
    expect(match('script the in was that of none close-up my on it did he and')).toEqual([]);
  });

  it('finds nothing in an empty page or a page of punctuation', () => {
    expect(match('')).toEqual([]);
    expect(match('“” — … !!')).toEqual([]);
  });
});

describe('matchQuotes: outlets', () => {
  it('classifies how each outlet differs from the page wording', () => {
    const [m] = match('None of that was in the script and he did it on my close-up.');
    const [first, second] = m!.outlets;
    expect(first!.change).toEqual(['identical']);
    expect(second!.text).toBe('None of that was in the script, and he did it on my close up.');
    expect(second!.change.length).toBeGreaterThan(0);
    expect(second!.change).not.toContain('identical');
  });

  it('names the speaker of the group', () => {
    expect(match('None of that was in the script and he did it on my close-up.')[0]!.speaker).toBe('Elisabeth Moss');
  });
});

describe('the same quote more than once on a page', () => {
  // Found by the property test: two copies fall in one seed cluster, and only one was aligned.
  it('matches every copy, adjacent or not', () => {
    const quote = 'He held onto my hand and didn’t let go and then kissed it.';
    for (const text of [`${quote}\n${quote}`, `“${quote}” she said. “${quote}” she said again, and ${quote}`]) {
      const found = match(text);
      expect(found.map((m) => m.text)).toEqual(Array.from(text.matchAll(/He held[^.]*\./g), (m) => m[0]));
    }
  });
});

describe('matchQuotes: short quotes standing alone (QUOTED)', () => {
  const page = (s: string) => `Mad Men news from the week.\n${s}\nMore news follows after the break.`;

  it('finds a whole short sentence inside quotation marks, and not the same words unmarked and unattributed', () => {
    expect(groups(page('Moss on the scene: “It all felt very real.”'))).toEqual(['g0']);
    expect(groups(page("Moss on her farewell: 'That right there is real'"))).toEqual(['g4']);
    expect(groups(page('Moss on the scene: it all felt very real.'))).toEqual([]);
  });

  it('finds a prefix cut at a clause boundary, never one cut mid-clause', () => {
    const [m] = match(page('The scene was not planned: “None of that was in the script”'));
    expect(m?.group).toBe('g7');
    expect(m?.text).toBe('None of that was in the script');
    // "I had a very close relationship" stops before "with Jon": no boundary there.
    expect(groups(page('She said it plainly: “I had a very close relationship”'))).toEqual([]);
  });

  it('wants the marks to hold exactly the quote: more words inside them are another sentence', () => {
    expect(groups(page('Fans still say “None of that was in the script, darling” to each other.'))).toEqual([]);
  });

  it('finds a short quote next to an attribution, without quotation marks', () => {
    expect(groups(page('It all felt very real, Moss said of the scene.'))).toEqual(['g0']);
    expect(groups(page('Moss told Vanity Fair: That right there is real.'))).toEqual(['g4']);
    // A speech verb on another line is no attribution.
    expect(groups(page('It all felt very real.\nMoss said more in the video.'))).toEqual([]);
  });
});

describe('matchQuotes: quotes across blocks', () => {
  it('matches a quote split by an inline ad as one, in parts that leave the ad out', () => {
    const text =
      'Moss was precise: “None of that was in the script\nAdvertisement · Story continues below\nand he did it on my close-up,” she said.';
    const ms = match(text);
    expect(ms.map((m) => m.group)).toEqual(['g7']);
    const parts = ms[0]!.parts!.map((p) => text.slice(p.start, p.end));
    expect(parts).toEqual(['None of that was in the script', 'and he did it on my close-up']);
    expect(ms[0]!.text).toBe('None of that was in the script and he did it on my close-up');
  });

  it('skips caption cues’ timestamps between the lines of a sentence', () => {
    const text = '0:41\nIt all felt very real.\n0:43\nI had a very close relationship\n0:45\nwith Jon.\n0:47\nThanks for watching.';
    const ms = match(text);
    expect(ms.map((m) => m.group)).toEqual(['g0', 'g1']);
    const pieces = ms.flatMap((m) => (m.parts ?? [m]).map((p) => text.slice(p.start, p.end)));
    expect(pieces).toEqual(['It all felt very real.', 'I had a very close relationship', 'with Jon.']);
  });

  it('does not carry a quote past an unrelated block into two common words that happen to follow it', () => {
    const text = 'She said: “None of that was in the script.”\nPhoto: AMC\nAnd he went home.';
    const ms = match(text);
    expect(ms.map((m) => text.slice(m.start, m.end))).toEqual(['None of that was in the script']);
    expect(ms[0]!.parts).toBeUndefined();
  });
});
