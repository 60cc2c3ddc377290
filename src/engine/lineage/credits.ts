/**
 * Explicit credits in an article's text or links: "as first reported by NME", "via IndieWire",
 * "h/t /Film", a link to another corpus article — the article names its source, and that beats inference.
 * "told Vanity Fair", "in an interview with Vanity Fair", "a Vanity Fair video" name where the words were
 * first said (the venue): they identify the original, but copiers keep them as they copy the quote, so they
 * are not evidence of who copied whom (docs/lineage.md).
 */

export interface CreditTarget {
  id: string;
  outlet: string;
  site?: string | null;
  url?: string | null;
}

export interface Credit {
  /** The credited document. */
  document: string;
  /** `outlet`: names another article as its source; `venue`: names where the words were said. */
  kind: 'outlet' | 'venue';
  /** The words of the credit as the text has them, or "links to …". */
  phrase: string;
}

const OUTLET_CUES = [
  String.raw`(?:as\s+)?(?:first\s+)?(?:reported|noted|spotted|revealed|published)\s+(?:by|in|on)`,
  String.raw`via`,
  String.raw`h\/t`,
  String.raw`hat\s+tip(?:\s+to)?`,
  String.raw`(?:as\s+)?(?:first\s+)?(?:told|said)\s+to\s+readers\s+of`,
  String.raw`according\s+to`,
  String.raw`(?:in\s+)?(?:a|an|the)\s+(?:report|story|article|piece)\s+(?:by|from|in)`,
  String.raw`courtesy\s+of`,
  String.raw`per`,
];
const VENUE_CUES = [
  String.raw`(?:told|telling|tells)`,
  String.raw`(?:speaking|talking|spoke|spoken|talked|speaks|talks)\s+(?:to|with)`,
  String.raw`(?:in|during|for)\s+(?:a|an|the|her|his|their)\s+(?:new\s+|recent\s+)?(?:interview|conversation|chat|video)\s+(?:with|for)`,
  String.raw`(?:said|says)\s+to`,
];
const VENUE_AFTER = String.raw`(?:'s|’s)?\s+(?:new\s+|recent\s+)?(?:video\s+)?(?:interview|video|profile|podcast|cover\s+story)`;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A URL reduced to host + path, without www., query, hash or trailing slash. */
export function urlKey(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

/** The credits `text` and `links` give to the other `targets` (never to `self`). */
export function findCredits(
  self: string,
  text: string | undefined,
  links: readonly string[] | undefined,
  targets: readonly CreditTarget[],
): Credit[] {
  const credits: Credit[] = [];
  const seen = new Set<string>();
  const push = (c: Credit) => {
    const key = `${c.document}|${c.kind}`;
    if (seen.has(key)) return;
    seen.add(key);
    credits.push(c);
  };
  const linkKeys = new Set((links ?? []).map(urlKey));
  for (const t of targets) {
    if (t.id === self) continue;
    if (t.url && linkKeys.has(urlKey(t.url))) push({ document: t.id, kind: 'outlet', phrase: `links to ${t.outlet}'s article` });
    if (!text) continue;
    const names = [t.outlet, t.site ?? ''].filter((n) => n.trim().length >= 2).map((n) => escape(n.trim()));
    if (names.length === 0) continue;
    const name = `(?:the\\s+)?(?:${names.join('|')})`;
    // A name must not continue into a longer word ("NMEs", "Filmmaker").
    const end = String.raw`(?![\p{L}\p{N}])`;
    const venueAfter = new RegExp(`(?:a|an|the|her|his|their)\\s+(?:new\\s+|recent\\s+)?${name}${end}${VENUE_AFTER}`, 'iu');
    const venueBefore = new RegExp(`\\b(?:${VENUE_CUES.join('|')})\\s+${name}${end}`, 'iu');
    const outlet = new RegExp(`\\b(?:${OUTLET_CUES.join('|')})\\s+${name}${end}(?!${VENUE_AFTER})`, 'iu');
    const reported = new RegExp(
      `(?<![\\p{L}\\p{N}])${name}${end}\\s+(?:first\\s+)?(?:reported|broke\\s+the\\s+news|was\\s+first\\s+to\\s+report)`,
      'iu',
    );
    const v = venueAfter.exec(text) ?? venueBefore.exec(text);
    if (v) push({ document: t.id, kind: 'venue', phrase: v[0].replace(/\s+/g, ' ') });
    const o = outlet.exec(text) ?? reported.exec(text);
    if (o) push({ document: t.id, kind: 'outlet', phrase: o[0].replace(/\s+/g, ' ') });
  }
  return credits;
}
