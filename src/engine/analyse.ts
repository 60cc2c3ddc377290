/**
 * One page → topic verdict + quotes. The extension and the CLI both call `analysePage`: one code path.
 *
 * Quotes are matched first (their count is a detection signal), then filtered by the verdict:
 * on a topic page every accepted match is kept; on any other page only strong ones (long, close
 * quotes), so a song review quoting the corpus still shows that quote, and nothing weaker.
 */
import { detectTopic, type TopicVerdict } from './topic/detect';
import type { PageSample } from './types';
import { matchQuotes, type QuoteMatch } from './match/match';
import type { PackIndex } from './match/pack-index';

/**
 * - `topic`: the page is about the topic; all matches shown.
 * - `quotes-only`: not a topic article, but it quotes the corpus (popup: "not a Mad Men article but quotes the corpus").
 * - `none`: neither.
 */
export type PageStatus = 'topic' | 'quotes-only' | 'none';

export interface PageAnalysis {
  topic: TopicVerdict;
  quotes: QuoteMatch[];
  status: PageStatus;
}

/** `notFrom`: the corpus documents that are this page (learned or added from it), never its own evidence. */
export function analysePage(index: PackIndex, page: PageSample, notFrom?: ReadonlySet<string>): PageAnalysis {
  const all = matchQuotes(index, page.text, { notFrom });
  const groups = new Set(all.map((q) => q.group)).size;
  const topic = detectTopic(index.pack.topic, page, groups);
  const quotes = topic.match ? all : all.filter((q) => q.strong);
  const status: PageStatus = topic.match ? 'topic' : quotes.length > 0 ? 'quotes-only' : 'none';
  return { topic, quotes, status };
}
