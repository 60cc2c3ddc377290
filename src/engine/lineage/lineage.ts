/**
 * Where each wording came from. One call serves the CLI, the background and the popup:
 *
 *   computeLineage({ groups, documents })  →  { documents: [closest relative…], groups: [tree, meaning…] }
 *
 * `groups` are the pack's quote groups (a page being read joins them as one more document: its wording
 * added as variants, see `withPage`); `documents` carry what is known of each article: outlet, date (may
 * be a month, or null), whether it is the primary source, and optionally its text and outbound links
 * (for credits). Pure: no clock, no randomness; the same input gives the same output.
 *
 * Method (docs/lineage.md): readings against the original or the consensus (readings.ts), edge costs from
 * shared and own readings (edges.ts), a document-level tree over all quotes of each article, then one
 * minimum-cost arborescence per quote rooted at the original (arborescence.ts), with the article's parent
 * as a prior; dates forbid later → earlier edges; explicit credits override inference.
 */
import { wordKeys } from '../normalize';
import type { QuoteGroup } from '../types';
import { minimumArborescence } from './arborescence';
import { edgeConfidences, round2 } from './confidence';
import { creditFinder, type Credit } from './credits';
import { dateKey, dateOrder, parseDate, type DateSpan } from './dates';
import { closestOf, nearness, type PairSum, type RelativesContext } from './relatives';
import { edgeReadings, groupModel, representative, type EdgeReadings, type GroupModel, type GroupNode } from './edges';
import { meaningChanges, type MeaningFlag } from './meaning';
import { originalOf } from './original';
import { covers, type Reading } from './readings';
import { COST, DISTINCTIVE, KIND_WEIGHT } from './weights';

export interface LineageDocument {
  id: string;
  outlet: string;
  /** "2022-10-31", "2022-11", a timestamp, or null (unknown). */
  published: string | null;
  primary?: boolean;
  url?: string | null;
  site?: string | null;
  /** The article's text, for credits ("as first reported by NME"). */
  text?: string;
  /** Outbound link URLs of the article. */
  links?: readonly string[];
  /**
   * Nobody follows this document: it is asked about, not a source (the page being read, set by `withPage`).
   * It gets a parent like any document but is never one, so it cannot rearrange the corpus's own trees.
   */
  leaf?: boolean;
}

export interface LineageInput {
  groups: readonly QuoteGroup[];
  documents: readonly LineageDocument[];
}

export interface LineageEdge {
  document: string;
  /** The parent document, or null for the root: the original (when `GroupLineage.original` is null, the quote's first telling). */
  parent: string | null;
  confidence: number;
  /** Confidence below the threshold: say "unclear" rather than guess (`parent` is then the best guess). */
  unclear: boolean;
  /** The article names its parent (a credit or a link): inference was overridden. */
  credited: boolean;
  evidence: string[];
}

export interface MeaningChange extends MeaningFlag {
  document: string;
}

export interface GroupLineage {
  group: string;
  speaker: string | null;
  /** The document holding the original wording, when the corpus has it. */
  original: string | null;
  /** The wording changes are named against: the original's, else the consensus. */
  reference: string;
  /** One edge per document of the group (the original's own first, with parent null), by date. */
  tree: LineageEdge[];
  meaning: MeaningChange[];
}

export interface ClosestRelative {
  document: string;
  /** Distinctive readings the two share against the original/consensus, over all quotes. */
  shared: number;
  /** Distinctive readings of the relative this article lacks where it quotes the same words. */
  against: number;
  confidence: number;
}

export interface DocumentLineage {
  document: string;
  /**
   * Whose wording this article follows: the nearest other document by wording, the evidence of descent
   * breaking ties (closest.ts). null = it follows the original itself, or two candidates are tied (`tied`).
   */
  closest: ClosestRelative | null;
  /** When nothing tells two or more candidates apart: who they are (closest is then null). */
  tied?: string[];
  evidence: string[];
}

export interface Lineage {
  documents: DocumentLineage[];
  groups: GroupLineage[];
}

interface Context {
  docs: Map<string, LineageDocument>;
  dates: Map<string, DateSpan | null>;
  /** child → parent → credit phrase (outlet credits that dates allow). */
  credits: Map<string, Map<string, string>>;
  /** Dropped credits (the credited article is dated later), for evidence. */
  refused: Map<string, string[]>;
}

const FORCED = -100;

export function computeLineage(input: LineageInput): Lineage {
  const ctx = context(input.documents);
  const models = input.groups.map((g) => {
    const original = originalOf(g, ctx.docs);
    return {
      model: groupModel(g, original?.document ?? null, { early: earliest(ctx, g), page: pages(ctx, g) }),
      why: original?.why ?? null,
    };
  });
  const matrices = models.map(({ model }) => pairMatrix(model));
  const docTree = documentTree(
    ctx,
    models.map((m) => m.model),
    matrices,
  );
  const groups = models.map(({ model, why }, i) => groupLineage(ctx, model, matrices[i]!, docTree, why));
  const documents = input.documents.map(
    (d) => docTree.result.get(d.id) ?? { document: d.id, closest: null, evidence: ['quotes nothing another document quotes'] },
  );
  return { documents, groups };
}

/** The earliest third of a group's dated documents (at least two): their readings count double when the root is reconstructed. */
function earliest(ctx: Context, group: QuoteGroup): Set<string> {
  const docs = [...new Set(group.variants.map((v) => v.document))];
  const dated = docs.filter((d) => ctx.dates.get(d)).sort((a, b) => ctx.dates.get(a)!.end - ctx.dates.get(b)!.end);
  return new Set(dated.length < 3 ? [] : dated.slice(0, Math.max(2, Math.ceil(docs.length / 3))));
}

/**
 * Documents of the group that are one page at several addresses (same site, the same words here), each
 * mapped to the first of them; documents that are a page of their own are absent.
 */
function pages(ctx: Context, group: QuoteGroup): Map<string, string> {
  const out = new Map<string, string>();
  const seen: { doc: string; keys: string }[] = [];
  for (const doc of new Set(group.variants.map((v) => v.document))) {
    const keys = wordKeys(representative(group.variants, doc)!.text).join(' ');
    const twin = seen.find((s) => s.keys === keys && sameSite(ctx, s.doc, doc));
    if (twin) out.set(doc, out.get(twin.doc) ?? twin.doc);
    else seen.push({ doc, keys });
  }
  return out;
}

function sameSite(ctx: Context, x: string, y: string): boolean {
  const a = ctx.docs.get(x);
  const b = ctx.docs.get(y);
  return !!a && !!b && (a.site ? a.site === b.site : a.outlet === b.outlet);
}

function context(documents: readonly LineageDocument[]): Context {
  const docs = new Map(documents.map((d) => [d.id, d]));
  const dates = new Map(documents.map((d) => [d.id, parseDate(d.published)]));
  const credits = new Map<string, Map<string, string>>();
  const refused = new Map<string, string[]>();
  const find = creditFinder(documents);
  for (const d of documents) {
    if (!d.text && !d.links?.length) continue;
    const found: Credit[] = find(d.id, d.text, d.links);
    for (const c of found) {
      if (c.kind !== 'outlet') continue;
      if (dateOrder(dates.get(c.document) ?? null, dates.get(d.id) ?? null) === 'after') {
        const list = refused.get(d.id) ?? [];
        list.push(`credit to ${docs.get(c.document)!.outlet} (“${c.phrase}”) set aside: that article is dated later`);
        refused.set(d.id, list);
        continue;
      }
      if (!credits.has(d.id)) credits.set(d.id, new Map());
      credits.get(d.id)!.set(c.document, c.phrase);
    }
  }
  return { docs, dates, credits, refused };
}

/** Readings of every edge of one group: [parent + 1][child] (parent index 0 = the root). */
function pairMatrix(model: GroupModel): EdgeReadings[][] {
  const n = model.nodes.length;
  const m: EdgeReadings[][] = [];
  for (let p = 0; p <= n; p++) {
    const row: EdgeReadings[] = [];
    for (let c = 0; c < n; c++) row.push(edgeReadings(model, p === 0 ? null : model.nodes[p - 1]!, model.nodes[c]!));
    m.push(row);
  }
  return m;
}

function outletOf(ctx: Context, id: string | null): string {
  if (id === null) return 'the original';
  return ctx.docs.get(id)?.outlet ?? id;
}

function dateCost(ctx: Context, parent: string, child: string): number {
  if (ctx.docs.get(parent)?.leaf) return Number.POSITIVE_INFINITY;
  const order = dateOrder(ctx.dates.get(parent) ?? null, ctx.dates.get(child) ?? null);
  return order === 'after' ? Number.POSITIVE_INFINITY : order === 'unknown' ? COST.unknownOrder : 0;
}

// ---------------------------------------------------------------------------------------------
// The document-level tree: whose wording does each article follow, over all of its quotes?

interface DocTree {
  /** Article parent and its confidence, per document (absent = the root). */
  parent: Map<string, { parent: string; confidence: number }>;
  result: Map<string, DocumentLineage>;
}

function documentTree(ctx: Context, models: readonly GroupModel[], matrices: readonly EdgeReadings[][][]): DocTree {
  const pairs = new Map<string, Map<string, PairSum>>(); // child → parent → sum
  const members = new Set<string>();
  const quotes = new Map<string, number>(); // groups per document
  models.forEach((model, g) => {
    const m = matrices[g]!;
    model.nodes.forEach((child, c) => {
      members.add(child.document);
      quotes.set(child.document, (quotes.get(child.document) ?? 0) + 1);
      const root = m[0]![c]!;
      model.nodes.forEach((parent, p) => {
        if (p === c) return;
        const e = m[p + 1]![c]!;
        if (!pairs.has(child.document)) pairs.set(child.document, new Map());
        const row = pairs.get(child.document)!;
        const sum = row.get(parent.document) ?? { cost: 0, shared: 0, against: 0, own: 0, groups: 0 };
        sum.cost += e.cost - root.cost;
        sum.shared += e.shared.filter((r) => KIND_WEIGHT[r.kind] >= DISTINCTIVE).length;
        sum.against += e.against.filter((r) => KIND_WEIGHT[r.kind] >= DISTINCTIVE).length;
        sum.own += e.own.filter(
          (r) => KIND_WEIGHT[r.kind] >= DISTINCTIVE && r.at !== 'start' && r.at !== 'end' && covers(parent.witness, r.at),
        ).length;
        sum.groups++;
        row.set(parent.document, sum);
      });
    });
  });
  // Connected components (documents that share a quote), each solved on its own: small dense matrices.
  const parentOf = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parentOf.get(r) !== undefined && parentOf.get(r) !== r) r = parentOf.get(r)!;
    parentOf.set(x, r);
    return r;
  };
  for (const d of members) parentOf.set(d, d);
  for (const [child, row] of pairs) for (const p of row.keys()) parentOf.set(find(child), find(p));
  const components = new Map<string, string[]>();
  for (const d of members) {
    const r = find(d);
    if (!components.has(r)) components.set(r, []);
    components.get(r)!.push(d);
  }
  const tree: DocTree = { parent: new Map(), result: new Map() };
  const near = nearness(models);
  const rctx = relativesContext(ctx);
  for (const ids of components.values()) {
    const n = ids.length + 1;
    const cost = Array.from({ length: n }, () => new Array<number>(n).fill(Number.POSITIVE_INFINITY));
    for (let c = 1; c < n; c++) {
      cost[0]![c] = 0;
      const child = ids[c - 1]!;
      const row = pairs.get(child);
      for (let p = 1; p < n; p++) {
        const parent = ids[p - 1]!;
        const sum = row?.get(parent);
        if (!sum || p === c) continue;
        const date = dateCost(ctx, parent, child);
        if (!Number.isFinite(date)) continue;
        const missing = (quotes.get(child) ?? 0) - sum.groups;
        cost[p]![c] = ctx.credits.get(child)?.has(parent) ? FORCED : sum.cost + date + COST.quoteNotInParent * missing;
      }
    }
    const parent = minimumArborescence(cost);
    const conf = edgeConfidences(cost, parent);
    for (let c = 1; c < n; c++) {
      const child = ids[c - 1]!;
      const p = parent[c]!;
      const pid = p > 0 ? ids[p - 1]! : null;
      if (pid !== null) tree.parent.set(child, { parent: pid, confidence: ctx.credits.get(child)?.has(pid) ? 1 : round2(conf[c]!) });
      tree.result.set(child, closestOf(rctx, near, child, pid, pairs.get(child), tree.parent.get(child)?.confidence ?? 0));
    }
  }
  return tree;
}

/** An AMP copy's address: /amp/ or .amp in the path, amp. host, ?amp or outputType=amp. */
const AMP_ADDRESS = /^[a-z]+:\/\/amp\.|[/.]amp(?:[/.?#]|$)|[?&](?:amp(?:=1)?|outputType=amp)(?:[&#]|$)/i;

/** What closestOf needs of the context, in its own terms. */
function relativesContext(ctx: Context): RelativesContext {
  return {
    name: (id) => outletOf(ctx, id),
    allowed: (parent, child) => Number.isFinite(dateCost(ctx, parent, child)),
    credit: (child, parent) => ctx.credits.get(child)?.get(parent),
    refused: (child) => ctx.refused.get(child) ?? [],
    sameSite: (x, y) => sameSite(ctx, x, y),
    ampCopy: (id) => AMP_ADDRESS.test(ctx.docs.get(id)?.url ?? ''),
    published: (id) => dateKey(ctx.dates.get(id) ?? null),
  };
}

// ---------------------------------------------------------------------------------------------
// One quote's tree.

function groupLineage(ctx: Context, model: GroupModel, m: EdgeReadings[][], docTree: DocTree, originalWhy: string | null): GroupLineage {
  const nodes = model.nodes;
  const n = nodes.length + 1;
  const cost = Array.from({ length: n }, () => new Array<number>(n).fill(Number.POSITIVE_INFINITY));
  const idOf = (i: number): string | null => (i === 0 ? model.original : nodes[i - 1]!.document);
  for (let c = 1; c < n; c++) {
    const child = nodes[c - 1]!.document;
    const article = docTree.parent.get(child);
    for (let p = 0; p < n; p++) {
      if (p === c) continue;
      const parent = idOf(p);
      let w = m[p]![c - 1]!.cost;
      if (p > 0) {
        // Root edges stay open whatever the dates say, so every node has a parent.
        const date = dateCost(ctx, parent!, child);
        if (!Number.isFinite(date)) continue;
        w += date;
      }
      if (parent !== null && ctx.credits.get(child)?.has(parent)) w = FORCED;
      else if (p > 0 && article?.parent === parent) w -= COST.sameArticleParent * article.confidence;
      cost[p]![c] = w;
    }
  }
  const parent = minimumArborescence(cost);
  const conf = edgeConfidences(cost, parent);
  const tree: LineageEdge[] = [];
  if (model.original)
    tree.push({
      document: model.original,
      parent: null,
      confidence: 1,
      unclear: false,
      credited: false,
      evidence: [originalWhy ?? 'the original'],
    });
  for (let c = 1; c < n; c++) {
    const node = nodes[c - 1]!;
    const p = parent[c]!;
    const pid = idOf(p);
    const credited = pid !== null && ctx.credits.get(node.document)?.has(pid) === true;
    const confidence = credited ? 1 : round2(conf[c]!);
    const unclear = !credited && confidence < COST.unclear;
    tree.push({
      document: node.document,
      parent: p === 0 ? null : pid,
      confidence,
      unclear,
      credited,
      evidence: edgeEvidence(ctx, model, node, pid, p === 0, m[p]![c - 1]!, credited, unclear, docTree),
    });
  }
  const order = (id: string) => ctx.dates.get(id)?.start ?? Number.POSITIVE_INFINITY;
  tree.sort(
    (a, b) => Number(b.document === model.original) - Number(a.document === model.original) || order(a.document) - order(b.document),
  );
  const meaning: MeaningChange[] = [];
  for (const node of nodes)
    for (const f of meaningChanges(model.reference, node.variant.text)) meaning.push({ document: node.document, ...f });
  return { group: model.group.id, speaker: model.group.speaker, original: model.original, reference: model.reference, tree, meaning };
}

function labels(readings: readonly Reading[], max: number): string {
  const shown = readings.slice(0, max).map((r) => r.label);
  return shown.join('; ') + (readings.length > max ? ` (+${readings.length - max})` : '');
}

function edgeEvidence(
  ctx: Context,
  model: GroupModel,
  node: GroupNode,
  parent: string | null,
  fromRoot: boolean,
  e: EdgeReadings,
  credited: boolean,
  unclear: boolean,
  docTree: DocTree,
): string[] {
  const out: string[] = [];
  const name = outletOf(ctx, parent);
  const child = outletOf(ctx, node.document);
  if (unclear) out.push(`unclear: the best guess, ${name}, is barely better than another parent`);
  if (credited) out.push(`credits ${name}: “${ctx.credits.get(node.document)!.get(parent!)!}”`);
  const shared = e.shared.filter((r) => KIND_WEIGHT[r.kind] >= DISTINCTIVE);
  if (shared.length) out.push(`shares ${shared.length} reading${shared.length === 1 ? '' : 's'} with ${name}: ${labels(shared, 3)}`);
  const against = e.against.filter((r) => KIND_WEIGHT[r.kind] >= DISTINCTIVE);
  if (!fromRoot && against.length) out.push(`lacks ${against.length} of ${name}'s readings: ${labels(against, 2)}`);
  const own = e.own.filter((r) => KIND_WEIGHT[r.kind] >= DISTINCTIVE);
  if (own.length) out.push(`own change${own.length === 1 ? '' : 's'}: ${labels(own, 3)}`);
  if (fromRoot && !shared.length && !credited) {
    out.push(
      model.original ? `follows ${name} with no reading shared with another outlet` : 'shares no distinctive reading with another outlet',
    );
  }
  if (!fromRoot && parent) {
    const pd = ctx.docs.get(parent)?.published ?? null;
    const cd = ctx.docs.get(node.document)?.published ?? null;
    const order = dateOrder(ctx.dates.get(parent) ?? null, ctx.dates.get(node.document) ?? null);
    out.push(
      order === 'before'
        ? `${name} (${pd}) precedes ${child} (${cd})`
        : `order of publication unknown (${name}: ${pd ?? 'no date'}, ${child}: ${cd ?? 'no date'})`,
    );
    if (docTree.parent.get(node.document)?.parent === parent) out.push(`the rest of ${child}'s article follows ${name} too`);
  }
  return out;
}

/** A page being read, as one more document: its wording of each corpus quote it carries. */
export interface PageWording {
  id: string;
  outlet: string;
  published: string | null;
  text?: string;
  links?: readonly string[];
  quotes: readonly { group: string; text: string }[];
}

/**
 * The corpus plus a page that is not one of its documents: the page's wordings join their groups as
 * variants of one more document, so the trees, the closest relative and the meaning changes include it.
 * The page is a leaf: it is asked whose wording it follows, and no corpus document can follow it.
 * (A page that is a corpus article is already there: mark its document instead.)
 */
export function withPage(input: LineageInput, page: PageWording): LineageInput {
  const byGroup = new Map<string, { group: string; text: string }[]>();
  for (const q of page.quotes) {
    if (!byGroup.has(q.group)) byGroup.set(q.group, []);
    byGroup.get(q.group)!.push(q);
  }
  return {
    documents: [
      ...input.documents,
      { id: page.id, outlet: page.outlet, published: page.published, text: page.text, links: page.links, leaf: true },
    ],
    groups: input.groups.map((g) => {
      const quotes = byGroup.get(g.id);
      if (!quotes) return g;
      const variants = quotes.map((q) => ({ document: page.id, text: q.text, start: 0, end: q.text.length, change: [] }));
      return { ...g, variants: [...g.variants, ...variants] };
    }),
  };
}
