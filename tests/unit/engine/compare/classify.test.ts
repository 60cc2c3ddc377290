import { describe, expect, it } from 'vitest';
import { classifyChange, isNearSpelling, unquote } from '../../../../src/engine/compare/classify';
import { editDistance } from '../../../../src/engine/text-distance';
import { CHANGE_INFO } from '../../../../src/engine/compare/taxonomy';
import { CHANGE_KINDS } from '../../../../src/engine/types';

describe('taxonomy', () => {
  it('lists every kind once, with a label and a description', () => {
    expect(new Set(CHANGE_KINDS).size).toBe(CHANGE_KINDS.length);
    for (const kind of CHANGE_KINDS) {
      expect(CHANGE_INFO[kind].label).not.toBe('');
      expect(CHANGE_INFO[kind].description).not.toBe('');
    }
    expect(CHANGE_INFO.typography.label).toBe('typography only');
    expect(CHANGE_INFO.reworded.label).toBe('heavily reworded');
  });
});

describe('classifyChange: corpus examples', () => {
  it('had → have plus [Hamm]: substituted and bracket', () => {
    expect(classifyChange('I had a very close relationship with Jon.', 'I have a very close relationship with Jon [Hamm].')).toEqual([
      'substituted',
      'bracket',
    ]);
  });

  it('mentor/protégé → mentor-protegé, brother, little → brother/little: punctuation and spelling', () => {
    expect(
      classifyChange(
        'There was sort of like a mentor/protégé relationship there, very older brother, little sister.',
        'There was sort of like a mentor-protegé relationship there, very older brother/little sister.',
      ),
    ).toEqual(['punctuation', 'spelling']);
  });

  it('added comma and close-up → close up: typography and punctuation', () => {
    expect(
      classifyChange(
        'None of that was in the script and he did it on my close-up.',
        'None of that was in the script, and he did it on my close up.',
      ),
    ).toEqual(['typography', 'punctuation']);
  });

  it('NME’s partial quote is truncated (and lost its full stop)', () => {
    expect(classifyChange('It all felt very real.', 'all felt very real')).toEqual(['punctuation', 'truncated']);
    expect(classifyChange('It all felt very real.', 'all felt very real.')).toEqual(['truncated']);
    expect(classifyChange('It all felt very real.', 'It all felt.')).toEqual(['truncated']);
  });

  it("That’s vs That's is typography only", () => {
    expect(classifyChange('That’s actually real tears', "That's actually real tears")).toEqual(['typography']);
  });

  it('"That\'s actually real tears" vs "Those are real tears" is a substitution, not heavily reworded', () => {
    expect(classifyChange("That's actually real tears", 'Those are real tears')).toEqual(['substituted']);
  });
});

describe('classifyChange: identical', () => {
  it('ignores surrounding quote marks and whitespace, and comes alone', () => {
    expect(classifyChange('It all felt very real.', 'It all felt very real.')).toEqual(['identical']);
    expect(classifyChange('“It all felt very real.”', '  "It all felt very real."\n')).toEqual(['identical']);
    expect(classifyChange("'It all felt very real.'", 'It all felt very real.')).toEqual(['identical']);
    expect(classifyChange('', '')).toEqual(['identical']);
  });

  it('keeps a possessive apostrophe at the end (Moss’) as part of the wording', () => {
    expect(unquote('I loved Moss’')).toBe('I loved Moss’');
    expect(classifyChange('I loved Moss’', "I loved Moss'")).toEqual(['typography']);
    expect(classifyChange('I loved Moss’', 'I loved Moss')).toEqual(['punctuation']);
    expect(classifyChange('Moss’ scene was great', "Moss' scene was great")).toEqual(['typography']);
  });
});

describe('classifyChange: typography', () => {
  it('covers curly quotes, dash styles, spacing and … vs ...', () => {
    expect(classifyChange('I was scared—really scared.', 'I was scared - really scared.')).toEqual(['typography']);
    expect(classifyChange('I was scared…', 'I was scared...')).toEqual(['typography']);
    expect(classifyChange('I was  scared.', 'I was scared.')).toEqual(['typography']);
    expect(classifyChange('It was my close-up.', 'It was my close up.')).toEqual(['typography']);
  });

  it('treats nested quote marks of another style as typography, dropping them as punctuation', () => {
    expect(classifyChange('He said “go” to me', "He said 'go' to me")).toEqual(['typography']);
    expect(classifyChange('He said “go” to me', 'He said go to me')).toEqual(['punctuation']);
  });

  it('treats a capital at the start of a cut-down quote as typography', () => {
    expect(classifyChange('and he did it on my close-up.', 'And he did it on my close-up.')).toEqual(['typography']);
  });
});

describe('classifyChange: punctuation', () => {
  it('reports commas added or dropped, slash vs comma, period vs comma', () => {
    expect(classifyChange('Yes, I did.', 'Yes I did.')).toEqual(['punctuation']);
    expect(classifyChange('older brother, little sister', 'older brother/little sister')).toEqual(['punctuation']);
    expect(classifyChange('It was real. We cried.', 'It was real, we cried.')).toEqual(['punctuation']);
  });
});

describe('classifyChange: spelling', () => {
  it('reports diacritics and mid-sentence case changes', () => {
    expect(classifyChange('a mentor protégé bond', 'a mentor protege bond')).toEqual(['spelling']);
    expect(classifyChange('I worked with Jon.', 'I worked with jon.')).toEqual(['spelling']);
  });

  it('reports near spellings of names and long words', () => {
    expect(classifyChange('Peggy Olson was great.', 'Peggy Olsen was great.')).toEqual(['spelling']);
    expect(classifyChange('Elisabeth Moss said it.', 'Elizabeth Moss said it.')).toEqual(['spelling']);
    expect(classifyChange('I love Jon Hamm.', 'I love John Ham.')).toEqual(['spelling']);
    expect(classifyChange('I made a judgement call.', 'I made a judgment call.')).toEqual(['spelling']);
    expect(classifyChange('I do not work there any more.', 'I do not work there anymore.')).toEqual(['spelling']);
  });

  it('does not call function-word, inflection or short-word swaps spelling', () => {
    expect(isNearSpelling('had', 'have')).toBe(false);
    expect(isNearSpelling('had', 'has')).toBe(false);
    expect(isNearSpelling('walk', 'walks')).toBe(false);
    expect(isNearSpelling('loved', 'love')).toBe(false);
    expect(isNearSpelling('ran', 'run')).toBe(false);
    expect(isNearSpelling('drink', 'drank')).toBe(false);
    expect(isNearSpelling('house', 'horse')).toBe(false);
    expect(isNearSpelling('Jon', 'John')).toBe(true);
    expect(isNearSpelling('Ham', 'Hamm')).toBe(true);
    expect(isNearSpelling('colour', 'color')).toBe(true);
    expect(isNearSpelling('realise', 'realize')).toBe(true);
    expect(classifyChange('I ran home.', 'I run home.')).toEqual(['substituted']);
  });

  it('computes an edit distance with transpositions', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('olson', 'olsen')).toBe(1);
    expect(editDistance('theatre', 'theater')).toBe(1);
    expect(editDistance('had', 'have')).toBe(2);
  });
});

describe('classifyChange: substituted, omitted, added', () => {
  it('reports a different word as substituted', () => {
    expect(classifyChange('It was a great scene.', 'It was a wonderful scene.')).toEqual(['substituted']);
  });

  it('reports words missing inside the quote as omitted', () => {
    expect(classifyChange('I had a very close relationship with Jon.', 'I had a close relationship with Jon.')).toEqual(['omitted']);
  });

  it('reports extra words as added, inside or at an edge', () => {
    expect(classifyChange('I had a close relationship.', 'I had a really close relationship.')).toEqual(['added']);
    expect(classifyChange('It all felt very real.', 'Honestly, it all felt very real.')).toEqual(['added']);
  });

  it('can combine several kinds', () => {
    expect(classifyChange('Well, I had a very close relationship with Jon.', '...I have a close relationship with Jon [Hamm].')).toEqual([
      'substituted',
      'omitted',
      'bracket',
      'ellipsis',
      'truncated',
    ]);
  });
});

describe('classifyChange: bracket', () => {
  it('reports a bracket at the start, an insertion and a replacement', () => {
    expect(classifyChange('He held onto my hand.', '[He] held onto my hand.')).toEqual(['bracket']);
    expect(classifyChange('Jon held onto my hand.', '[He] held onto my hand.')).toEqual(['bracket']);
    expect(classifyChange('He held onto my hand.', 'He [Hamm] held onto my hand.')).toEqual(['bracket']);
  });

  it('does not report a bracket the reference already has', () => {
    expect(classifyChange('Jon [Hamm] held my hand.', 'Jon [Hamm] held my hand!')).toEqual(['punctuation']);
  });
});

describe('classifyChange: ellipsis', () => {
  it('reports a new ellipsis as "…" or "...", with the words it elides', () => {
    expect(classifyChange('I was scared and it felt real.', 'I was scared … it felt real.')).toEqual(['omitted', 'ellipsis']);
    expect(classifyChange('I was scared and it felt real.', 'I was scared ... it felt real.')).toEqual(['omitted', 'ellipsis']);
    expect(classifyChange('It all felt very real.', '…all felt very real.')).toEqual(['ellipsis', 'truncated']);
    expect(classifyChange('I was scared, it felt real.', 'I was scared... it felt real.')).toEqual(['punctuation', 'ellipsis']);
  });

  it('does not report an ellipsis both sides have', () => {
    expect(classifyChange('I was scared… it felt real.', 'I was scared... it felt real.')).toEqual(['typography']);
  });
});

describe('classifyChange: merged-split', () => {
  it('is reported only from context, and explains edge differences', () => {
    expect(classifyChange('It all felt very real.', 'It all felt very real. We cried.')).toEqual(['added']);
    expect(classifyChange('It all felt very real.', 'It all felt very real. We cried.', { merged: true })).toEqual(['merged-split']);
    expect(classifyChange('It was real. And we cried.', 'It was real, and we cried.', { merged: true })).toEqual([
      'punctuation',
      'merged-split',
    ]);
  });
});

describe('classifyChange: reworded', () => {
  it('reports a paraphrase where most words were swapped', () => {
    expect(classifyChange('I had a very close relationship with Jon.', 'I shared an extremely tight bond with Jon.')).toEqual(['reworded']);
    expect(classifyChange('It all felt very real.', 'Nothing about this seemed fake to anybody.')).toEqual(['reworded']);
  });

  it('does not report a short cut-down quote or an empty side as reworded', () => {
    expect(classifyChange('It all felt very real.', 'real')).toEqual(['punctuation', 'truncated']);
    expect(classifyChange('It all felt very real.', '')).toEqual(['truncated']);
    expect(classifyChange('', 'It all felt very real.')).toEqual(['added']);
  });

  it('keeps independent markers next to reworded', () => {
    expect(classifyChange('It all felt very real.', '[She] says nothing seemed fake…')).toEqual(['bracket', 'ellipsis', 'reworded']);
  });
});

describe('classifyChange: output shape', () => {
  it('returns kinds in CHANGE_KINDS order without duplicates, never empty', () => {
    const samples: [string, string][] = [
      ['a, b. c', 'a b c'],
      ['...', ''],
      ['—', '-'],
      ['It all felt very real.', 'It all, felt very [real]…'],
    ];
    for (const [r, v] of samples) {
      const kinds = classifyChange(r, v);
      expect(kinds.length).toBeGreaterThan(0);
      expect(kinds).toEqual(CHANGE_KINDS.filter((k) => kinds.includes(k)));
      if (kinds.includes('identical')) expect(kinds).toEqual(['identical']);
    }
  });
});
