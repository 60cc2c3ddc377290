/** The saved news pages of tests/fixtures/learn/ (written for these tests; see its README). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../support/repo';

export const LEARN_DIR = join(ROOT, 'tests/fixtures/learn');

export const PAGES = {
  /** Canonical + og tags + Yoast-style JSON-LD `@graph` (publisher by `@id`), comments and related stories with their own dates. */
  screenLedger: 'screenledger-moss-dress.html',
  /** The AMP copy of the same article: `<html ⚡>`, canonical with tracking parameters. */
  screenLedgerAmp: 'screenledger-moss-dress.amp.html',
  /** The same interview worded differently: site logo in an `<h1>`, byline before the headline, `article:published_time`, a `.co.uk` site. */
  dailyReel: 'dailyreel-moss-dress.html',
  /** A fan blog with no date anywhere, relative canonical, outlet only in JSON-LD, headline only in `<title>`. */
  noDate: 'carouselnotes-no-date.html',
  /** No canonical, no og tags, no JSON-LD: its only dates are a comment's and a related story's `<time>`. */
  commentDate: 'reelgossip-comment-date.html',
  /** Scripts, event handlers, javascript: URLs, a spoofed og:url, broken JSON-LD, broken markup. */
  hostile: 'hostile.html',
} as const;

export const SCREEN_LEDGER_URL = 'https://www.screenledger.com/tv/news/elisabeth-moss-peggy-dress-mad-men-1235867/';
export const DAILY_REEL_URL = 'https://www.dailyreel.co.uk/news/tv/mad-men-peggy-dress-exhibition-moss-a8812.html';

export function page(name: keyof typeof PAGES): string {
  return readFileSync(join(LEARN_DIR, PAGES[name]), 'utf8');
}
