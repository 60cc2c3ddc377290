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

/** Finds credits in many articles against the same targets: the patterns are compiled once, for all names. */
export function creditFinder(
  targets: readonly CreditTarget[],
): (self: string, text: string | undefined, links: readonly string[] | undefined) => Credit[] {
  const byName = new Map<string, CreditTarget[]>();
  const byUrl = new Map<string, CreditTarget[]>();
  for (const t of targets) {
    for (const n of [t.outlet, t.site ?? '']) {
      const key = n.trim().toLowerCase();
      if (key.length < 2) continue;
      if (!byName.has(key)) byName.set(key, []);
      if (!byName.get(key)!.includes(t)) byName.get(key)!.push(t);
    }
    if (t.url) {
      const key = urlKey(t.url);
      if (!byUrl.has(key)) byUrl.set(key, []);
      byUrl.get(key)!.push(t);
    }
  }
  // Longest names first, so "The Reel Times" wins over "The Reel".
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escape);
  if (names.length === 0) return () => [];
  // A name must not continue into a longer word ("NMEs", "Filmmaker").
  const name = String.raw`(?:the\s+)?(${names.join('|')})(?![\p{L}\p{N}])`;
  const patterns: { kind: Credit['kind']; re: RegExp }[] = [
    { kind: 'venue', re: new RegExp(`(?:a|an|the|her|his|their)\\s+(?:new\\s+|recent\\s+)?${name}${VENUE_AFTER}`, 'giu') },
    { kind: 'venue', re: new RegExp(`\\b(?:${VENUE_CUES.join('|')})\\s+${name}`, 'giu') },
    { kind: 'outlet', re: new RegExp(`\\b(?:${OUTLET_CUES.join('|')})\\s+${name}(?!${VENUE_AFTER})`, 'giu') },
    {
      kind: 'outlet',
      re: new RegExp(`(?<![\\p{L}\\p{N}])${name}\\s+(?:first\\s+)?(?:reported|broke\\s+the\\s+news|was\\s+first\\s+to\\s+report)`, 'giu'),
    },
  ];
  return (self, text, links) => {
    const credits: Credit[] = [];
    const seen = new Set<string>();
    const push = (t: CreditTarget, kind: Credit['kind'], phrase: string) => {
      const key = `${t.id}|${kind}`;
      if (t.id === self || seen.has(key)) return;
      seen.add(key);
      credits.push({ document: t.id, kind, phrase });
    };
    for (const link of links ?? []) for (const t of byUrl.get(urlKey(link)) ?? []) push(t, 'outlet', `links to ${t.outlet}'s article`);
    if (!text) return credits;
    for (const { kind, re } of patterns) {
      for (const m of text.matchAll(re)) {
        for (const t of byName.get(m[1]!.toLowerCase()) ?? []) push(t, kind, m[0].replace(/\s+/g, ' '));
      }
    }
    return credits;
  };
}

/** The credits `text` and `links` give to the other `targets` (never to `self`). */
export function findCredits(
  self: string,
  text: string | undefined,
  links: readonly string[] | undefined,
  targets: readonly CreditTarget[],
): Credit[] {
  return creditFinder(targets)(self, text, links);
}
