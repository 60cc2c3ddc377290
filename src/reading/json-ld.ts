/**
 * What a page's JSON-LD says about its article: publication date, headline, publisher and authors.
 * News sites nest it every way the format allows — one object, an array, `@graph` (Yoast and most CMSs),
 * arrays of graphs — and name the publisher by reference (`"publisher": {"@id": "…#organization"}`).
 * The input is the page's own script text: parsed with JSON.parse only, bounded in size and depth.
 */

/** Larger blocks are skipped (real ones are a few kB; a page's app state is not JSON-LD). */
const MAX_BLOCK = 512 * 1024;
const MAX_NODES = 2_000;
const MAX_DEPTH = 8;

/** schema.org types that are an article (the page's main content), most specific first in practice. */
const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'reviewnewsarticle',
  'backgroundnewsarticle',
  'askpublicnewsarticle',
  'blogposting',
  'liveblogposting',
  'satiricalarticle',
  'scholarlyarticle',
  'techarticle',
  'report',
  'review',
]);
/** Pages that often repeat the article's date and publisher (Yoast's `WebPage` node). */
const PAGE_TYPES = new Set(['webpage', 'itempage', 'aboutpage', 'collectionpage']);

type Node = Record<string, unknown>;

export interface JsonLdFacts {
  datePublished: string | null;
  headline: string | null;
  publisher: string | null;
  authors: string[];
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `"NewsArticle"`, `["NewsArticle", "Article"]`, `"schema:NewsArticle"`, `"https://schema.org/NewsArticle"` → lower-case names. */
function typesOf(node: Node): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, '').toLowerCase());
}

/** Top-level nodes: the blocks themselves, array items and `@graph` members, at any nesting of those. */
function collectNodes(value: unknown, out: Node[], depth = 0): void {
  if (depth > MAX_DEPTH || out.length >= MAX_NODES) return;
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, out, depth + 1);
    return;
  }
  if (!isNode(value)) return;
  out.push(value);
  if ('@graph' in value) collectNodes(value['@graph'], out, depth + 1);
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return text(value[0]);
  if (isNode(value) && '@value' in value) return text(value['@value']);
  return null;
}

/** A thing's `name`, following an `@id` reference to a node of the page. */
function nameOf(value: unknown, byId: ReadonlyMap<string, Node>): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    for (const v of value) {
      const name = nameOf(v, byId);
      if (name) return name;
    }
    return null;
  }
  if (!isNode(value)) return null;
  const own = text(value['name']);
  if (own) return own;
  const ref = typeof value['@id'] === 'string' ? byId.get(value['@id']) : undefined;
  return ref && ref !== value ? text(ref['name']) : null;
}

function namesOf(value: unknown, byId: ReadonlyMap<string, Node>): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => nameOf(v, byId)).filter((n): n is string => n !== null);
}

/** Parses the blocks (script texts) and reads the article's facts; broken blocks are skipped. */
export function jsonLdFacts(blocks: readonly string[]): JsonLdFacts {
  const nodes: Node[] = [];
  for (const block of blocks) {
    if (block.length > MAX_BLOCK) continue;
    try {
      // Some CMSs wrap the JSON in an HTML comment or CDATA.
      collectNodes(JSON.parse(block.replace(/^\s*(<!--|\/\/\s*<!\[CDATA\[)/, '').replace(/(-->|\/\/\s*]]>)\s*$/, '')) as unknown, nodes);
    } catch {
      // Not JSON: ignore this block, as a browser would.
    }
  }
  const byId = new Map<string, Node>();
  for (const n of nodes) if (typeof n['@id'] === 'string' && !byId.has(n['@id'])) byId.set(n['@id'], n);
  const articles = nodes.filter((n) => typesOf(n).some((t) => ARTICLE_TYPES.has(t)));
  const pages = nodes.filter((n) => typesOf(n).some((t) => PAGE_TYPES.has(t)));
  const first = <T>(list: Node[], read: (n: Node) => T | null): T | null => {
    for (const n of list) {
      const value = read(n);
      if (value !== null) return value;
    }
    return null;
  };
  const ranked = [...articles, ...pages];
  return {
    datePublished: first(ranked, (n) => text(n['datePublished'])),
    headline: first(articles, (n) => text(n['headline']) ?? text(n['name'])),
    publisher: first([...ranked, ...nodes], (n) => nameOf(n['publisher'], byId)),
    authors: articles.flatMap((n) => namesOf(n['author'], byId)),
  };
}
