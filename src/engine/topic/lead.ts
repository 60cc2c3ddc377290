/**
 * The lead of a page (its standfirst or first paragraph) and where the text after it starts: the lead is
 * weighed on its own, and what follows it shows whether the page keeps talking about the topic.
 */
import { countWords } from '../normalize';

/** A lead is the first paragraph of at least this many words; less than this after it is no body. */
const LEAD_MIN_WORDS = 25;

/**
 * The lead: the text right after the headline (or the start of the text) up to the first line break
 * once `minWords` words are collected — byline and share buttons are short lines, the standfirst or
 * first paragraph is the first long one — and never more than `maxWords` words.
 */
export function deriveLead(text: string, headline: string | undefined, maxWords: number, minWords = LEAD_MIN_WORDS): string {
  let from = 0;
  const h = headline?.trim();
  if (h) {
    const at = text.indexOf(h);
    if (at >= 0) from = at + h.length;
  }
  const re = /[\p{L}\p{N}]+|\n/gu;
  re.lastIndex = from;
  let words = 0;
  let end = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '\n') {
      if (words >= minWords) break;
      continue;
    }
    words++;
    end = m.index + m[0].length;
    if (words >= maxWords) break;
  }
  return text.slice(from, end).trim();
}

/**
 * Where the text after the lead's paragraph starts (offset into the page text), or -1 when there is nothing after it
 * worth reading (under `LEAD_MIN_WORDS` words: a one-paragraph item has no "rest" to keep talking in).
 */
export function textAfterLead(text: string, headline: string | undefined, lead: string): number {
  let from = lead ? text.indexOf(lead) : -1;
  if (from >= 0) from += lead.length;
  else {
    const h = headline?.trim();
    const at = h ? text.indexOf(h) : -1;
    from = at >= 0 ? at + h!.length : 0;
  }
  // The lead may stop mid-paragraph (at `leadWords`): the rest of its paragraph is still the lead.
  const paragraphEnd = text.indexOf('\n', from);
  from = paragraphEnd >= 0 ? paragraphEnd : text.length;
  return countWords(text.slice(from)) >= LEAD_MIN_WORDS ? from : -1;
}
