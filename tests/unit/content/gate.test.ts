import { describe, expect, it } from 'vitest';
import { gateLeads, gateMatcher, mayMention, passesGate } from '../../../src/content/gate';
it('gate terms match as whole words, any spaces, hyphens, underscores or slashes between words', () => {
  const m = gateMatcher(['Mad Men', 'Don Draper', 'Peggy Olson'])!;
  for (const yes of ['mad men', 'x MAD-MEN y', 'https://a/mad_men/', 'Mad\u00a0Men.', '(Don  Draper)', 'peggy\nolson', 'the mad men']) expect(m(yes), yes).toBe(true);
  for (const no of ['madmen', 'nomad men', 'mad menu', 'mad  ', 'Don Drapery', 'xpeggy olson', '']) expect(m(no), no).toBe(false);
});

describe('passesGate: reads further only when the URL or title hints at the topic', () => {
  const terms = gateMatcher(['Mad Men', 'Don Draper']);
  const hints = gateMatcher(['Jon Hamm', 'Elisabeth Moss']);
  const page = (title: string, body: string) => {
    document.title = title;
    document.body.innerHTML = body;
    return document;
  };

  it('passes on a deciding term in the title alone', () => {
    expect(passesGate(terms, hints, page('Mad Men at 15', '<p>Nothing here.</p>'))).toBe(true);
  });

  it('reads headline and lead when the title names someone in the show', () => {
    expect(passesGate(terms, hints, page('Jon Hamm looks back', '<h1>A career</h1><p>He played Don Draper for years.</p>'))).toBe(true);
    expect(passesGate(terms, hints, page('Jon Hamm looks back', '<p>He talks about his new film.</p>'))).toBe(false);
  });

  it('stops at the title when it has neither a term nor a hint, whatever the body says', () => {
    expect(passesGate(terms, hints, page('City news', '<h1>Mad Men</h1><p>Don Draper</p>'))).toBe(false);
  });
});

describe('the first look: lead words in the URL or title', () => {
  it('lists each term first word once, lower-cased', () => {
    expect(gateLeads(['Mad Men', 'Don Draper', 'Peggy Olson', 'Peggy Olsen', ' Jon Hamm'])).toEqual(['mad', 'don', 'peggy', 'jon']);
  });

  it('says yes whenever a term could match the URL or title (so the full gate never misses one)', () => {
    const terms = ['Mad Men', 'Don Draper', 'Jessica Paré'];
    const leads = gateLeads(terms);
    const m = gateMatcher(terms)!;
    const doc = (title: string) => {
      document.title = title;
      return document;
    };
    for (const title of ['MAD-MEN recap', 'Don  Draper returns', 'jessica paré', 'Mad menu', 'City news', 'Nomad men']) {
      const head = `${document.URL} ${title}`;
      // Whatever the full matcher says yes to, the first look does too.
      if (m(head)) expect(mayMention(doc(title), leads), title).toBe(true);
    }
    expect(mayMention(doc('City news'), leads)).toBe(false);
    expect(mayMention(doc('Mad menu'), leads)).toBe(true); // a lead, not a term: the full gate decides
  });
});
