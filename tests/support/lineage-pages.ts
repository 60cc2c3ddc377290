/**
 * Pages for the lineage tests (CLI and e2e): an article that copies /Film's idiosyncrasies ("I have",
 * "Jon [Hamm]", "protege", "brother/little sister", the ellipses, "Those are real tears") and drops the
 * "not" from Jon Hamm's "It's not love". Its wording should follow /Film; the dropped "not" is a change
 * of meaning. Built on the realistic markup of ./article-page.ts, with the page's date in its metadata.
 */
import { articlePage } from './article-page';

export const FOLLOWER = {
  outlet: 'Screen Digest',
  title: 'Elisabeth Moss on the Mad Men scene Jon Hamm improvised',
  published: '2022-11-20T09:30:00Z',
};

export const DROPPED_NOT =
  "It's love, I don't know what it is, but it's some other thing, even though, at a lot of times, he is dismissive of it, it's the one relationship I feel like Don actually treats with respect.";

export const FOLLOWER_TEXT = [
  FOLLOWER.title,
  'Elisabeth Moss has looked back on Mad Men and the scene Jon Hamm improvised in its fifth season.',
  '"It all felt very real. I have a very close relationship with Jon [Hamm]. There was sort of like a mentor/protege relationship there, very older brother/little sister. And so it meant something to the both of us when we did this scene ... Those are real tears ... because he held onto my hand and didn\'t let go and then kissed it. None of that was in the script, and he did it on my close up. Like, that right there is the real Jon."',
  'Hamm has spoken about Don and Peggy before. In a TV Insider interview from 2015, Jon Hamm reflected on the two characters:',
  `"It's a relationship that started severely unequal and has moved, in a certain way, to equals. ${DROPPED_NOT}"`,
  'Mad Men ran for seven seasons on AMC.',
].join('\n\n');

/** The follower article as a served page, dated in its metadata (`article:published_time`). */
export function followerPage(): string {
  const html = articlePage({ outlet: FOLLOWER.outlet, title: FOLLOWER.title, text: FOLLOWER_TEXT });
  return html.replace(
    '<head>',
    `<head><meta property="article:published_time" content="${FOLLOWER.published}"><meta property="og:site_name" content="${FOLLOWER.outlet}">`,
  );
}
