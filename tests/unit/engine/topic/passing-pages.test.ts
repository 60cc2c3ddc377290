/**
 * Generated pages (seeded): local features that name the show in passing — a bar, a listing, an obituary,
 * a wedding — with the mention in the title, headline, lead or body, one to three times, and weak real
 * Mad Men pages (a short news item, a cast interview titled with the actor, a retrospective named only in
 * its lead). None of the first may be taken for a Mad Men article; all of the second must.
 */
import { describe, expect, it } from 'vitest';
import { detectTopic } from '../../../../src/engine/topic/detect';
import type { PageSample, TopicSpec } from '../../../../src/engine/types';
import bundledTopic from '../../../../assets/corpus/topic.json';

const spec = bundledTopic as TopicSpec;

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rng = () => number;
const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

const THINGS = ['cocktail lounge', 'supper club', 'ranch house', 'barbershop', 'vintage sale', 'wedding', 'office tower', 'diner'];
const PLACES = ['Elm Street', 'Riverton', 'the old depot', 'Oakfield Hills', 'Main Street', 'the fairgrounds'];
const LOCAL = [
  'The owners spent fourteen months and about $380,000 restoring the building.',
  'Council members approved the permit on Tuesday by a vote of seven to two.',
  'Doors open at 4 p.m. on Friday, and reservations are not taken.',
  'Longtime residents remember the place from the mill’s Friday shifts.',
  'Proceeds go to the parish food pantry, which served 340 households last winter.',
  'The listing agent expects the house to sell within a month.',
  'Parking is free in the north lot, and children under 12 get in free.',
  'She is survived by a son, four grandchildren and a sister.',
];
/** The show in passing, in a title or headline: comparisons and names used as types. */
const TITLE_MENTIONS = [
  (t: string) => `Mad Men-era ${t} reopens`,
  (t: string) => `A Mad Men-style ${t} for ${pick(random(t.length), PLACES)}`,
  (t: string) => `This ${t} has a serious Mad Men vibe`,
  (t: string) => `A ${t} straight out of Mad Men`,
  (t: string) => `Meet the real-life Don Draper behind the ${t}`,
  (t: string) => `Mad Men-themed ${t} is a hit`,
  (t: string) => `Like Sterling Cooper, but it is a ${t}`,
  (t: string) => `A ${t} that channels Mad Men`,
  (t: string) => `The ${t} run by a modern-day Peggy Olson`,
  (t: string) => `A Mad Men-inspired ${t} opens`,
  (t: string) => `The ${t} where Mad Men filmed is for sale`,
  (t: string) => `A ${t} as seen in Mad Men`,
];
const BODY_MENTIONS = [
  '“It looks straight out of Mad Men,” one visitor said.',
  'Regulars call the owner a real-life Don Draper.',
  'The look is pure Mad Men-era glamour.',
  'A Jon Hamm lookalike contest is planned for the opening.',
  'The owner admits to a passing resemblance to Jon Hamm.',
  'Friends say she was a modern-day Joan Holloway.',
  'The bar cart, he says, is a nod to Don Draper.',
  'It is the kind of place Mad Men fans will like.',
];

function localFeature(r: Rng): PageSample {
  const thing = pick(r, THINGS);
  const titled = r() < 0.8;
  const title = titled ? pick(r, TITLE_MENTIONS)(thing) : `The ${thing} on ${pick(r, PLACES)} is back`;
  const lead = `${r() < 0.3 ? `${pick(r, BODY_MENTIONS)} ` : ''}The ${thing} on ${pick(r, PLACES)} is back after forty years, its new owners said. ${pick(r, LOCAL)}`;
  const paragraphs = Array.from({ length: 5 + Math.floor(r() * 4) }, () => `${pick(r, LOCAL)} ${pick(r, LOCAL)}`);
  for (let k = 0, n = (titled ? 0 : 1) + Math.floor(r() * 3); k < n; k++) {
    const at = Math.floor(r() * paragraphs.length);
    paragraphs[at] = `${paragraphs[at]} ${pick(r, BODY_MENTIONS)}`;
  }
  return {
    url: '',
    title: `${title} | Riverton Gazette`,
    headline: title,
    text: [title, 'By Staff Reporter', lead, ...paragraphs].join('\n'),
  };
}

const SHOW_NEWS = [
  'Jon Hamm says he would play Don Draper again',
  'Mad Men is leaving Netflix next month',
  'Elisabeth Moss looks back on Peggy Olson',
  'Mad Men recap: the lawnmower episode',
  'Kiernan Shipka on growing up in front of the camera',
  'Ten years on, that hilltop ending still divides us',
];
const SHOW_LEADS = [
  'Kiernan Shipka was six when she was cast as Sally Draper in Mad Men.',
  'Ten years ago this month, Mad Men ended with Don Draper on a hilltop.',
  'Jon Hamm played the ad man for seven seasons of Mad Men on AMC.',
];
const SHOW_BODY = [
  'Peggy finally hears Stan tell her he loves her, and Joan starts her own company.',
  'Creator Matthew Weiner has said he has no plans for a sequel.',
  'Her scenes with January Jones, who played Betty, got harder every season.',
  'Don spends the aftermath in a hospital waiting room with Joan.',
  'Jon Hamm and Christina Hendricks played that scene in one take.',
];

function showArticle(r: Rng): PageSample {
  const title = pick(r, SHOW_NEWS);
  const lead = `${pick(r, SHOW_LEADS)} ${pick(r, SHOW_BODY)}`;
  const paragraphs = Array.from({ length: 2 + Math.floor(r() * 4) }, () => pick(r, SHOW_BODY));
  return { url: '', title: `${title} | TV Wire`, headline: title, text: [title, 'By Staff Writer', lead, ...paragraphs].join('\n') };
}

describe('generated pages', () => {
  it.each([1, 2, 3])('no local feature naming the show in passing is a Mad Men article (seed %i)', (seed) => {
    const r = random(seed);
    const wrong = Array.from({ length: 300 }, () => localFeature(r)).filter((p) => detectTopic(spec, p).match);
    expect(wrong.map((p) => p.title)).toEqual([]);
  });

  it.each([1, 2, 3])('every weak real Mad Men page is one (seed %i)', (seed) => {
    const r = random(seed);
    const missed = Array.from({ length: 300 }, () => showArticle(r)).filter((p) => !detectTopic(spec, p).match);
    expect(missed.map((p) => p.title)).toEqual([]);
  });
});
