import { describe, expect, it } from 'vitest';
import { deriveLead, detectTopic } from '../../../../src/engine/topic/detect';
import type { PageSample, TopicSpec } from '../../../../src/engine/types';
import { topicSpec } from '../match/pack-helper';

const spec: TopicSpec = topicSpec();
const filler = (n: number): string => Array.from({ length: n }, (_, k) => `word${k % 50}`).join(' ');

function page(p: Partial<PageSample>): PageSample {
  return { url: '', title: '', text: '', ...p };
}

describe('detectTopic', () => {
  it('says yes for a Mad Men news story and explains why', () => {
    const v = detectTopic(
      spec,
      page({
        url: 'https://www.nme.com/news/tv/elisabeth-moss-cried-after-jon-hamm-improvised-iconic-mad-men-scene-3340459',
        title: 'Elisabeth Moss cried after Jon Hamm improvised iconic ‘Mad Men’ scene',
        text: `Elisabeth Moss said she was brought to tears after Jon Hamm improvised a scene in Mad Men. Moss starred as Peggy Olson opposite Hamm’s Don Draper. ${filler(200)}`,
      }),
    );
    expect(v.match).toBe(true);
    const title = v.signals.find((s) => s.term === 'Mad Men' && s.where === 'title');
    expect(title?.contribution).toBeGreaterThan(0);
    expect(v.signals.some((s) => s.where === 'url')).toBe(true);
    expect(v.signals.every((s) => s.contribution !== 0)).toBe(true);
  });

  it('says yes on body signals alone when several characters recur (a gallery without the title in its headline)', () => {
    const v = detectTopic(
      spec,
      page({
        title: 'Fifteen photos from the set',
        text: 'Peggy Olson at her desk. Don Draper pitches the Carousel. Peggy Olson and Don Draper late at night. Joan Holloway runs the office. Roger Sterling pours a drink. Mad Men ran on AMC.',
      }),
    );
    expect(v.match).toBe(true);
  });

  it('is case-sensitive for the show title: "mad men" the phrase does not count', () => {
    const v = detectTopic(
      spec,
      page({ title: 'How mad men sold the American dream', text: `${filler(300)} mad men and their clients. Don Draper.` }),
    );
    expect(v.signals.some((s) => s.term === 'Mad Men')).toBe(false);
    expect(v.match).toBe(false);
  });

  it('applies negatives even to the title-cased phrase', () => {
    const v = detectTopic(
      spec,
      page({ title: 'The Real Mad Men of Madison Avenue', text: `The real mad men of Madison Avenue were ad executives. ${filler(300)}` }),
    );
    expect(v.match).toBe(false);
    expect(v.signals.some((s) => s.kind === 'negative')).toBe(true);
    expect(v.signals.some((s) => s.term === 'Mad Men' && s.where === 'title')).toBe(false);
  });

  it('says no for a review of the cast’s other work mentioning "Mad Men alum" once', () => {
    const v = detectTopic(
      spec,
      page({
        title: 'The Handmaid’s Tale review: Elisabeth Moss is ferocious',
        headline: 'The Handmaid’s Tale review: Elisabeth Moss is ferocious',
        text: `The Handmaid’s Tale review: Elisabeth Moss is ferocious\n${filler(40)}\nThe former Mad Men alum Elisabeth Moss plays June. ${filler(400)} Elisabeth Moss again.`,
      }),
    );
    expect(v.match).toBe(false);
  });

  it('says no for a passing mention (one anchor term in the body)', () => {
    const v = detectTopic(
      spec,
      page({ title: 'Top Gun: Maverick cast', text: `${filler(100)}\nJon Hamm plays Cyclone. Known for: Mad Men. ${filler(300)}` }),
    );
    expect(v.match).toBe(false);
  });

  it('never says yes on a single repeated term, even with corpus quote hits (a singer quoting the show)', () => {
    const v = detectTopic(
      spec,
      page({ title: 'Taylor Swift explains Lavender Haze', text: `I was watching Mad Men. Mad Men again. ${filler(300)}` }),
      3,
    );
    expect(v.match).toBe(false);
    expect(v.signals.find((s) => s.kind === 'quote')?.count).toBe(3);
  });

  it('counts the longest term where terms overlap ("Don Draper", not also "Draper")', () => {
    const v = detectTopic(spec, page({ text: 'Don Draper.', lead: '' }));
    expect(v.signals.map((s) => `${s.term}@${s.where}`)).toEqual(['Don Draper@body']);
  });

  it('reads URL slugs case-insensitively', () => {
    const v = detectTopic(spec, page({ url: 'https://x.example/tv/mad-men-peggy-olson-farewell' }));
    expect(
      v.signals
        .filter((s) => s.where === 'url')
        .map((s) => s.term)
        .sort(),
    ).toEqual(['Mad Men', 'Peggy Olson']);
  });

  it('takes every number from the spec', () => {
    const strict: TopicSpec = { ...spec, thresholds: { ...spec.thresholds, match: 10_000 } };
    const p = page({ title: 'Mad Men: Don Draper and Peggy Olson', text: 'Mad Men. Don Draper. Peggy Olson.' });
    expect(detectTopic(spec, p).match).toBe(true);
    expect(detectTopic(strict, p).match).toBe(false);
  });
});

describe('deriveLead', () => {
  it('skips short lines after the headline and stops after the first long paragraph', () => {
    const text = `Nav Home News\nThe Headline\nBy Someone · 3 hours ago\nShare Email\n${filler(30)}\n${filler(30)} Mad Men`;
    const lead = deriveLead(text, 'The Headline', 60);
    expect(lead).not.toContain('Mad Men');
    expect(lead).toContain('word29');
  });
});

describe('detectTopic: passing mentions (TopicSpec.passing)', () => {
  const review = (lead: string, more = '') =>
    page({
      title: 'Confess, Fletch review: Jon Hamm is a breezy delight',
      headline: 'Confess, Fletch review: Jon Hamm is a breezy delight',
      text: `Confess, Fletch review: Jon Hamm is a breezy delight\n${lead}\n${filler(300)}\n${more}`,
    });

  it('does not take the show named in an appositive or a reunion for the subject of the page', () => {
    const v = detectTopic(
      spec,
      review(
        'Jon Hamm, best known as Don Draper on Mad Men, has spent the decade since looking for a comedy that lets him be funny.',
        'There is even a small Mad Men reunion: John Slattery turns up as his editor.',
      ),
    );
    expect(v.match).toBe(false);
    expect(v.signals.find((s) => s.term === 'Mad Men' && s.where === 'lead')?.kind).toBe('passing');
  });

  it('still takes the same words for the subject when the lead names the show outside such a frame', () => {
    const v = detectTopic(
      spec,
      review(
        'Jon Hamm looks back on Mad Men and on Don Draper, the role that made him, in a new interview about the show.',
        'Mad Men fans will find a lot to love here.',
      ),
    );
    expect(v.match).toBe(true);
  });

  it('reads titles as they are: "Mad Men star" in a title is what the page is about', () => {
    const v = detectTopic(
      spec,
      page({ title: 'Mad Men star Elisabeth Moss on Peggy Olson’s goodbye', text: `Elisabeth Moss talks about the scene. ${filler(200)}` }),
    );
    expect(v.match).toBe(true);
  });

  it('does not anchor a page on characters that all stand in one entry of a long list', () => {
    const entries = Array.from({ length: 12 }, (_, k) => `${k + 1}. Show number ${k}\nA drama about ${filler(30)}.`);
    entries[9] = '10. Mad Men\nMatthew Weiner’s study of Don Draper, and of Peggy Olson’s rise at the agency.';
    const v = detectTopic(spec, page({ title: 'The 12 best TV dramas of the century', text: entries.join('\n') }));
    expect(v.match).toBe(false);
    // The same names spread over the page do anchor it.
    const spread = entries.map((e, k) => (k % 4 === 0 ? `${e} Don Draper and Peggy Olson in Mad Men.` : e));
    expect(detectTopic(spec, page({ title: 'Twelve scenes we still think about', text: spread.join('\n') })).match).toBe(true);
  });
});

describe('detectTopic: the show named in passing up front (comparisons, names as types, no follow-up)', () => {
  const local = (title: string, lead: string, more: string) =>
    page({
      title,
      headline: title,
      text: `${title}\nBy Staff Reporter\n${lead} ${filler(30)}\n${filler(120)}\n${more}\n${filler(120)}`,
    });

  it('reads a comparison in the title as passing: "Mad Men-era", "straight out of", "real-life"', () => {
    for (const title of [
      'Mad Men-era cocktail lounge reopens on Elm Street',
      'A ranch with a serious Mad Men vibe lists for $849,000',
      'A ’62 Cadillac straight out of Mad Men at the car show',
      'Riverton’s real-life Don Draper retires after 52 years',
      'Like Sterling Cooper, minus the drama: a local agency turns 75',
      'The house where Mad Men filmed hits the market',
      'Diner seen in Mad Men reopens on Route 9',
    ]) {
      const v = detectTopic(spec, local(title, 'A local story about something else.', 'An Old Fashioned of the kind Don Draper ordered.'));
      expect(v.match, title).toBe(false);
      expect(v.signals.find((s) => s.where === 'title')?.kind, title).toBe('passing');
    }
  });

  it('reads a person’s name as a type in the title, and what hangs on a passing term with it', () => {
    const cut = detectTopic(spec, local('The Don Draper cut is back', 'Side parts are booming at the barber.', 'Mad Men fans ask for it.'));
    expect(cut.match).toBe(false);
    const obituary = detectTopic(
      spec,
      local('Copywriter likened to Mad Men’s Peggy Olson dies at 91', 'She wrote campaigns for a dairy.', 'She watched Mad Men once.'),
    );
    expect(obituary.match).toBe(false);
    expect(obituary.signals.filter((s) => s.where === 'title').map((s) => s.kind)).toEqual(['passing', 'passing']);
  });

  it('needs the text after the lead to name the topic again when only the title and lead do', () => {
    const once = local(
      'Don Draper would feel right at home at the reopened supper club',
      'Its dining room could double as a Mad Men set.',
      '',
    );
    expect(detectTopic(spec, once).match).toBe(false);
    const again = local(
      'Don Draper would feel right at home',
      'Mad Men’s Jon Hamm visits the set again.',
      'Hamm says Mad Men was the role of his life.',
    );
    expect(detectTopic(spec, again).match).toBe(true);
  });

  it('counts the short names a page about the show keeps using after its lead (TopicSpec.shortNames)', () => {
    const recap = local(
      'Mad Men recap: the lawnmower episode',
      'Season three, episode six, the one with the lawnmower, is Jon Hamm’s finest hour.',
      'Joan leaves, Roger toasts her, and Don waits with Joan at the hospital.',
    );
    expect(detectTopic(spec, recap).match).toBe(true);
    expect(detectTopic({ ...spec, shortNames: [] }, recap).match).toBe(false);
  });

  it('still takes a title about the show for the subject, and a one-paragraph item needs no follow-up', () => {
    expect(
      detectTopic(spec, local('Mad Men is leaving Netflix next month', 'All seasons of Mad Men leave.', 'Jon Hamm starred.')).match,
    ).toBe(true);
    const brief = page({
      title: 'Mad Men is leaving Netflix',
      headline: 'Mad Men is leaving Netflix',
      text: 'Mad Men is leaving Netflix\nAll of Mad Men, with Jon Hamm as Don Draper, leaves on June 1.',
    });
    expect(detectTopic(spec, brief).match).toBe(true);
  });
});
