/** Speaker and source attribution rules, each on a small hand-made article. */
import { describe, expect, it } from 'vitest';
import { packOf, who } from './pack-helpers';

const one = (text: string) => packOf({ a: text });

describe('speaker', () => {
  it('"…,” Moss said — and resolves the surname to the full name used in the article', () => {
    const p = one('Elisabeth Moss starred in the show.\n\n“I had a very close relationship with Jon,” Moss said.');
    expect(who(p, 'I had a very close relationship with Jon').speaker).toBe('Elisabeth Moss');
  });

  it('"…,” said Hamm (inverted) and "…,” added Hamm', () => {
    const p = one(
      'Jon Hamm spoke.\n\n"People want to put us in a box, but it is about the work," said Hamm.\n\n"It is about so much more than that," added Hamm.',
    );
    expect(who(p, 'People want to put us in a box, but it is about the work').speaker).toBe('Jon Hamm');
    expect(who(p, 'It is about so much more than that').speaker).toBe('Jon Hamm');
  });

  it('"Jones joked" with the full name taken from earlier in the text', () => {
    const p = one('Her co-star January Jones commented on the video.\n\n“Uhhh, I didn’t get to keep a costume,” Jones joked.');
    expect(who(p, 'Uhhh, I didn’t get to keep a costume').speaker).toBe('January Jones');
  });

  it('"the actress explained" resolves to the last named female speaker', () => {
    const p = one(
      'Elisabeth Moss said she cried. Jon Hamm said he did not.\n\n“I had a very close relationship with Jon,” the actress explained.',
    );
    expect(who(p, 'I had a very close relationship with Jon').speaker).toBe('Elisabeth Moss');
  });

  it('"she said" skips a more recent speaker known to be male', () => {
    const p = one(
      'Elisabeth Moss said she loved it. Jon Hamm said he agreed with everything.\n\n“We were always very close on the set,” she said.',
    );
    expect(who(p, 'We were always very close on the set').speaker).toBe('Elisabeth Moss');
  });

  it('a later quote of the same paragraph inherits the speaker', () => {
    const p = one('“It all felt very real to me,” Moss said. “There was sort of like a mentor relationship there.”');
    expect(who(p, 'There was sort of like a mentor relationship there.').speaker).toBe('Moss');
  });

  it('…but not when another person is named in between', () => {
    const p = one(
      '“It all felt very real to me,” Moss said. Hamm said nothing at all. “There was sort of like a mentor relationship there.”',
    );
    expect(who(p, 'There was sort of like a mentor relationship there.').speaker).toBeNull();
  });

  it('a continuation paragraph inherits the speaker of the quote it continues', () => {
    const p = one('Moss added: “That right there is real and I mean it.\n\n“He held onto my hand and did not let go.”');
    expect(who(p, 'He held onto my hand and did not let go.').speaker).toBe('Moss');
  });

  it('a lead-in paragraph ending with a colon names the speaker', () => {
    const p = one(
      'In a TV Insider interview from 2015, Jon Hamm reflected on the two characters:\n\n"It\'s a relationship that started severely unequal."',
    );
    expect(who(p, "It's a relationship that started severely unequal.")).toEqual({
      speaker: 'Jon Hamm',
      source: 'TV Insider interview (2015)',
    });
  });

  it('"…January Jones, who played Don’s wife Betty Draper, commented on the video: “…”" → January Jones, not Moss or Betty Draper', () => {
    const p = one(
      '“Uhhh, I didn’t get to keep a costume,” Jones joked.\n\nMoss’ former co-star January Jones, who played Don’s wife Betty Draper, commented on the Instagram video: “I need to speak to the manager right now.”',
    );
    expect(who(p, 'I need to speak to the manager right now.')).toEqual({ speaker: 'January Jones', source: 'Instagram video' });
  });

  it('a quote with no speaker anywhere stays unknown', () => {
    const p = one('The weather was bad.\n\n“Nobody expected the storm to be this strong,” according to reports.');
    expect(who(p, 'Nobody expected the storm to be this strong').speaker).toBeNull();
  });

  it('a headline quote on its own line gets no speaker of its own', () => {
    const p = one('"We were all faking it most of the time"\n\nThe show ended.');
    expect(who(p, 'We were all faking it most of the time').speaker).toBeNull();
  });

  it('one spelling per person across the corpus, by majority of documents', () => {
    const p = packOf({
      a: 'Elisabeth Moss spoke. “It all felt very real to me,” Moss said.',
      b: 'Elisabeth Moss spoke. “It all felt very real to me,” Moss said.',
      c: 'Elizabeth Moss spoke. “It all felt very real to me,” Moss said.',
    });
    expect(p.groups).toHaveLength(1);
    expect(p.groups[0]!.speaker).toBe('Elisabeth Moss');
  });
});

describe('source', () => {
  it('"speaking to Vulture in 2012" → Vulture (2012)', () => {
    const p = one('"People are constantly asking if they are together," said Moss, speaking to Vulture in 2012.');
    expect(who(p, 'People are constantly asking if they are together').source).toBe('Vulture (2012)');
  });

  it('"in the interview with VF" expands VF when the article spells out Vanity Fair', () => {
    const p = one('During an interview with Vanity Fair, Moss smiled.\n“It all felt very real to me,” Moss said in the interview with VF.');
    expect(who(p, 'It all felt very real to me').source).toBe('Vanity Fair interview');
  });

  it('a later quote by the same speaker keeps the source stated earlier; another speaker does not get it', () => {
    const p = one(
      '“It all felt very real to me,” Moss said during a Vanity Fair video.\n\n“I kept the dress from that scene,” Moss said.\n\nTaylor Swift revealed her new title.\n\n“I happened upon the phrase when watching,” she said.',
    );
    expect(who(p, 'I kept the dress from that scene').source).toBe('Vanity Fair video');
    expect(who(p, 'I happened upon the phrase when watching')).toEqual({ speaker: 'Taylor Swift', source: null });
  });

  it('"added" carries the source of the quote just before', () => {
    const p = one(
      'In a TV Insider interview from 2015, Hamm reflected: "It is the one relationship I really respect."\n\n"I always get annoyed by the question," said Moss, speaking to Vulture in 2012.\n\n"It is about the work and nothing else," added Hamm.',
    );
    expect(who(p, 'It is about the work and nothing else').source).toBe('Vulture (2012)');
  });
});
