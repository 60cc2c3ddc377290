/**
 * The corpus as it grows: articles are added and removed one at a time, and only what they can change
 * is worked out again — the candidates their words confirm or no longer confirm, the connected part of
 * the wording graph their units join, the lone units around those parts, the groups all that touches.
 *
 * Every step is a function of the set of articles, never of the order they came in (edges are
 * properties of a pair; clusters follow a total order; ties go to the corpus's document order, which
 * is fixed per article: `order`, then id), so adding articles one at a time gives the same groups as
 * building the pack from all of them at once — in any order (tests/unit/engine/corpus/live-corpus.test.ts).
 *
 * Articles come with their extract (document-extract.ts): nothing here reads an article's text.
 */
import { synonymTest, type Lexicon } from '../lexicon';
import type { PackDocument, QuoteGroup } from '../types';
import { assignIds, idBase } from './group-ids';
import { clusterComponent, type UnitPlace } from './clusters';
import type { DocumentExtract } from './document-extract';
import { groupView, type DraftGroup, type GroupUnit } from './group-view';
import { NameBook } from './name-book';
import { surnameKey } from './names';
import { Partials, type Candidate } from './partials';
import { contentKeys } from './similarity';
import { WordingGraph } from './wording-graph';

/** An article of the corpus: what the pack says about it, its extract, and its place in document order. */
export interface CorpusDocument {
  meta: PackDocument;
  extract: DocumentExtract;
  /** Sorts the corpus's documents (then their ids): the bundled articles keep their manifest order. */
  order: number;
}

/** Wordings that one utterance of a pack joined (by unit ids); see `packDocuments`. */
export type UnitLinks = readonly (readonly string[])[];

interface DocState {
  doc: CorpusDocument;
  /** Which quotes count: utterances always, candidates while the corpus confirms them. */
  active: boolean[];
}

/** A group worked out, with what it depends on beyond its cluster: how its speakers are spelled. */
interface View {
  clusterId: string;
  group: DraftGroup;
  /** The surnames of its speakers: a change to how one is spelled means working the group out again. */
  surnames: string[];
  idBase: string;
  /** Sorts groups by their first variant: its document's place in the corpus, then its offset. */
  sortKey: string;
  /** The group with its id, as last handed out (kept while neither changes). */
  out: QuoteGroup | null;
}

interface Cluster {
  /** The smallest wording key: stable while the cluster is. */
  id: string;
  wordings: string[];
}

const unitId = (doc: string, index: number) => `${doc}#${index}`;

function parseUnitId(id: string): [string, number] {
  const at = id.lastIndexOf('#');
  return [id.slice(0, at), Number(id.slice(at + 1))];
}

/** How many other articles a lone unit consults for the gap it sits in; bounds the pass on large corpora. */
const GAP_DOCS = 20;
const GAP_MAX_BETWEEN = 4;

export class LiveCorpus {
  private readonly docs = new Map<string, DocState>();
  private readonly graph: WordingGraph;
  private readonly partials = new Partials();
  private readonly clusterOf = new Map<string, Cluster>();
  /** A lone unit that the gap pass put into another cluster: unit id → that cluster's id. */
  private readonly attached = new Map<string, string>();
  private readonly clusters = new Map<string, Cluster>();
  private readonly links = new Map<string, UnitLinks>();
  /** Groups already worked out, by cluster id; dropped when anything in them may have changed. */
  private readonly views = new Map<string, View>();
  private readonly names = new NameBook();
  /** Document order (index by id), worked out again only when articles come or go. */
  private orderCache: Map<string, number> | null = null;
  /** The views in pack order, and the groups as last handed out (null once anything changed). */
  private ordered: View[] = [];
  private output: QuoteGroup[] | null = null;
  /** Clusters whose group must be worked out again (or is gone) before groups are handed out. */
  private readonly pending = new Set<string>();
  /** Surname → the clusters whose groups spell a speaker with it. */
  private readonly bySurname = new Map<string, Set<string>>();
  /** Lone units whose cluster of attachment went away: judged again in the next gap pass. */
  private readonly orphans = new Set<string>();

  /**
   * `lexicon`: synonyms count as the same word when wordings are compared ("genuine" for "real"), as the
   * matcher counts them on pages; without it, only equal word keys do (how the bundled pack is built).
   */
  constructor(options: { lexicon?: Lexicon } = {}) {
    this.graph = new WordingGraph(options.lexicon ? synonymTest(options.lexicon) : undefined);
  }

  get size(): number {
    return this.docs.size;
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  /** Whether the corpus counts any quote of this article (its utterances, or candidates it confirms). */
  hasQuotes(id: string): boolean {
    return this.docs.get(id)?.active.some(Boolean) ?? false;
  }

  documents(): PackDocument[] {
    return this.sortedDocs().map((d) => d.doc.meta);
  }

  /** Adds articles, and the pack groupings `links` between their units (registered under `linksKey`). */
  add(docs: readonly CorpusDocument[], links?: UnitLinks, linksKey?: string): void {
    const seeds = new Set<string>();
    for (const doc of docs) {
      if (this.docs.has(doc.meta.id)) throw new Error(`document "${doc.meta.id}" is already in the corpus`);
      this.docs.set(doc.meta.id, { doc, active: doc.extract.quotes.map(() => false) });
      this.names.add(doc.extract.names);
    }
    this.orderCache = null;
    const touched: Candidate[] = [];
    for (const doc of docs) {
      const { utterances, candidates } = this.quoteKeys(doc);
      touched.push(...this.partials.add(utterances, candidates));
      doc.extract.quotes.forEach((q, i) => {
        if (q.role === 'utterance') this.setActive(doc.meta.id, i, true, seeds);
      });
    }
    for (const c of touched) this.setActive(c.doc, c.quote, this.partials.confirmed(Partials.key(c)), seeds);
    if (links && linksKey) {
      this.links.set(linksKey, links);
      for (const group of links) this.eachLinkPair(group, (a, b) => this.graph.link(a, b), seeds);
    }
    this.recluster(seeds);
  }

  /** Removes articles (and the pack groupings registered under `linksKey`). */
  remove(ids: readonly string[], linksKey?: string): void {
    const seeds = new Set<string>();
    const links = linksKey ? this.links.get(linksKey) : undefined;
    if (links && linksKey) {
      for (const group of links) this.eachLinkPair(group, (a, b) => this.graph.unlink(a, b), seeds);
      this.links.delete(linksKey);
    }
    const touched: Candidate[] = [];
    for (const id of ids) {
      const state = this.docs.get(id);
      if (!state) continue;
      state.doc.extract.quotes.forEach((_, i) => this.setActive(id, i, false, seeds));
      const { utterances, candidates } = this.quoteKeys(state.doc);
      touched.push(...this.partials.remove(utterances, candidates));
      this.docs.delete(id);
      this.names.remove(state.doc.extract.names);
      this.orderCache = null;
    }
    for (const c of touched) if (this.docs.has(c.doc)) this.setActive(c.doc, c.quote, this.partials.confirmed(Partials.key(c)), seeds);
    this.recluster(seeds);
  }

  /**
   * The groups of the corpus, with ids, in the corpus's document order of their first variant. Only the
   * groups a change touched are worked out again and moved in the order; ids are given over the whole
   * list (a clash's "-2" follows pack order), and a group object is handed out again unchanged when
   * neither it nor its id changed.
   */
  groups(): QuoteGroup[] {
    for (const surname of this.names.takeTouched()) for (const c of this.bySurname.get(surname) ?? []) this.pending.add(c);
    if (this.pending.size === 0 && this.output) return this.output;
    for (const clusterId of this.pending) {
      const old = this.views.get(clusterId);
      if (old) this.unplace(old);
      const cluster = this.clusters.get(clusterId);
      const view = cluster ? this.makeView(cluster) : null;
      if (view) this.place(view);
    }
    this.pending.clear();
    const ids = assignIds(this.ordered.map((v) => v.idBase));
    const output = this.ordered.map((v, i): QuoteGroup => (v.out && v.out.id === ids[i] ? v.out : (v.out = { id: ids[i]!, ...v.group })));
    this.output = output;
    return output;
  }

  private place(view: View): void {
    this.views.set(view.clusterId, view);
    this.ordered.splice(this.position(view.sortKey), 0, view);
    for (const s of view.surnames) {
      let set = this.bySurname.get(s);
      if (!set) this.bySurname.set(s, (set = new Set()));
      set.add(view.clusterId);
    }
  }

  private unplace(view: View): void {
    this.views.delete(view.clusterId);
    for (let i = this.position(view.sortKey); i < this.ordered.length; i++) {
      if (this.ordered[i] === view) {
        this.ordered.splice(i, 1);
        break;
      }
    }
    for (const s of view.surnames) this.bySurname.get(s)?.delete(view.clusterId);
  }

  /** The first index whose view sorts at or after `key` (binary search). */
  private position(key: string): number {
    let lo = 0;
    let hi = this.ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ordered[mid]!.sortKey < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private makeView(cluster: Cluster): View | null {
    const units = this.groupUnits(cluster);
    if (units.length === 0) return null;
    const raw = [...new Set(units.flatMap((u) => (u.speaker ? [u.speaker] : [])))];
    const group = groupView(units.map((u) => ({ ...u, speaker: u.speaker && this.names.spell(u.speaker) })));
    const first = group.variants[0]!;
    const doc = this.docs.get(first.document)!.doc;
    const sortKey = `${String(doc.order).padStart(16, '0')}\u0000${doc.meta.id}\u0000${String(first.start).padStart(10, '0')}`;
    return {
      clusterId: cluster.id,
      group,
      surnames: [...new Set(raw.map(surnameKey))],
      idBase: idBase(group.consensus),
      sortKey,
      out: null,
    };
  }

  // ---- quotes and units ---------------------------------------------------------------------------

  private quoteKeys(doc: CorpusDocument): { utterances: string[][]; candidates: Candidate[] } {
    const utterances: string[][] = [];
    const candidates: Candidate[] = [];
    doc.extract.quotes.forEach((q, i) => {
      if (q.role === 'utterance') utterances.push(q.keys);
      else if (q.role === 'candidate') candidates.push({ doc: doc.meta.id, quote: i, keys: q.keys });
      // A line of the show's dialogue is neither: it is never grouped with what people said.
    });
    return { utterances, candidates };
  }

  private setActive(doc: string, quote: number, on: boolean, seeds: Set<string>): void {
    const state = this.docs.get(doc)!;
    if (state.active[quote] === on) return;
    state.active[quote] = on;
    state.doc.extract.units.forEach((u, i) => {
      if (u.quote !== quote) return;
      const id = unitId(doc, i);
      if (on) {
        const { key } = this.graph.addUnit(id, u.keys);
        seeds.add(key);
      } else {
        const key = u.keys.join(' ');
        seeds.add(key);
        for (const n of this.graph.removeUnit(id, u.keys)) seeds.add(n);
        this.detach(id);
      }
      // The units on either side may have been lone in a gap this one closes or opens.
      for (const n of this.neighbours(doc, i)) seeds.add(this.unit(n).keys.join(' '));
    });
  }

  private eachLinkPair(unitIds: readonly string[], apply: (a: string, b: string) => void, seeds: Set<string>): void {
    const keys = [...new Set(unitIds.filter((id) => this.isActive(id)).map((id) => this.unit(id).keys.join(' ')))];
    for (let i = 1; i < keys.length; i++) apply(keys[0]!, keys[i]!);
    for (const k of keys) seeds.add(k);
  }

  private unit(id: string) {
    const [doc, index] = parseUnitId(id);
    return this.docs.get(doc)!.doc.extract.units[index]!;
  }

  private isActive(id: string): boolean {
    const [doc, index] = parseUnitId(id);
    const state = this.docs.get(doc);
    const u = state?.doc.extract.units[index];
    return u !== undefined && state!.active[u.quote] === true;
  }

  /** The active units just before and after unit `index` of `doc`. */
  private neighbours(doc: string, index: number): string[] {
    return [this.step(doc, index, -1), this.step(doc, index, 1)].filter((x): x is string => x !== null);
  }

  private step(doc: string, index: number, direction: 1 | -1): string | null {
    const state = this.docs.get(doc)!;
    const units = state.doc.extract.units;
    for (let i = index + direction; i >= 0 && i < units.length; i += direction) if (state.active[units[i]!.quote]) return unitId(doc, i);
    return null;
  }

  // ---- clusters ------------------------------------------------------------------------------------

  private placesOf = (wording: string): UnitPlace[] =>
    [...this.graph.wordings.get(wording)!.units].map((id) => {
      const [doc] = parseUnitId(id);
      const unit = this.unit(id);
      // The pieces of a quote broken by its attribution are one sentence of the speaker's.
      return { doc, sentence: unit.continues ?? unit.sentence };
    });

  /**
   * Clusters again every connected part of the graph a seed wording is in. A cluster that is dropped
   * hands its other wordings on as seeds: the part it was in may have split.
   */
  private recluster(seeds: Set<string>): void {
    const queue = [...seeds];
    const seen = new Set<string>();
    const region = new Set<string>();
    const dropAndQueue = (cluster: Cluster | undefined) => {
      if (!cluster) return;
      this.drop(cluster);
      for (const w of cluster.wordings) if (!seen.has(w)) queue.push(w);
    };
    while (queue.length > 0) {
      const seed = queue.pop()!;
      if (seen.has(seed)) continue; // clustered already in this call
      dropAndQueue(this.clusterOf.get(seed));
      if (!this.graph.wordings.has(seed)) continue;
      const component = this.graph.component(seed, seen);
      for (const w of component) dropAndQueue(this.clusterOf.get(w));
      for (const wordings of clusterComponent(this.graph, component, this.placesOf)) {
        const cluster: Cluster = { id: wordings[0]!, wordings };
        this.clusters.set(cluster.id, cluster);
        this.invalidate(cluster.id);
        for (const w of wordings) {
          this.clusterOf.set(w, cluster);
          region.add(w);
        }
      }
    }
    this.refillGaps(region);
  }

  /** A group may have changed: it is worked out again before groups are next handed out. */
  private invalidate(clusterId: string): void {
    this.pending.add(clusterId);
  }

  private drop(cluster: Cluster): void {
    if (this.clusters.get(cluster.id) !== cluster) return;
    this.clusters.delete(cluster.id);
    this.invalidate(cluster.id);
    for (const w of cluster.wordings) if (this.clusterOf.get(w) === cluster) this.clusterOf.delete(w);
    for (const [u, target] of this.attached) {
      if (target !== cluster.id) continue;
      this.attached.delete(u);
      this.orphans.add(u);
    }
  }

  private detach(unit: string): void {
    this.orphans.delete(unit);
    const target = this.attached.get(unit);
    if (target === undefined) return;
    this.attached.delete(unit);
    this.invalidate(target);
    const own = this.graph.wordings.has(this.unit(unit).keys.join(' ')) ? this.clusterOfUnit(unit) : undefined;
    if (own) this.invalidate(own.id);
  }

  private clusterOfUnit(id: string): Cluster | undefined {
    return this.clusterOf.get(this.unit(id).keys.join(' '));
  }

  private unitCount(cluster: Cluster): number {
    let n = 0;
    for (const w of cluster.wordings) n += this.graph.wordings.get(w)!.units.size;
    return n;
  }

  // ---- the gap pass --------------------------------------------------------------------------------

  /**
   * A unit alone in its cluster, between two units of the same article that are grouped, joins the
   * group other outlets have between the same two groups when it shares its content words (/Film's
   * "Those are real tears ..." between "…this scene ..." and "…he held onto my hand…" is the others'
   * "That’s actually real tears, which you know, …"). Judged again for every lone unit in or next to
   * a cluster that changed, and for every unit that was attached to a cluster that went away.
   */
  private refillGaps(region: ReadonlySet<string>): void {
    const lone = new Set<string>();
    const consider = (id: string) => {
      const cluster = this.clusterOfUnit(id);
      if (cluster && this.unitCount(cluster) === 1) lone.add(id);
    };
    for (const w of region) {
      for (const id of this.graph.wordings.get(w)?.units ?? []) {
        consider(id);
        const [doc, index] = parseUnitId(id);
        for (const n of this.neighbours(doc, index)) consider(n);
      }
    }
    for (const id of this.orphans) if (this.isActive(id)) consider(id);
    this.orphans.clear();
    for (const id of lone) {
      this.detach(id);
      const target = this.gapTarget(id);
      if (target) {
        this.attached.set(id, target.id);
        this.invalidate(target.id);
        this.invalidate(this.clusterOfUnit(id)!.id);
      }
    }
  }

  private gapTarget(id: string): Cluster | null {
    const [doc, index] = parseUnitId(id);
    const unit = this.unit(id);
    const prevId = this.step(doc, index, -1);
    const nextId = this.step(doc, index, 1);
    if (!prevId || !nextId) return null;
    if (this.unit(prevId).quote !== unit.quote && this.unit(nextId).quote !== unit.quote) return null;
    const before = this.clusterOfUnit(prevId);
    const after = this.clusterOfUnit(nextId);
    if (!before || !after) return null;
    const mine = new Set(contentKeys(unit.keys));
    const order = this.docOrder();
    // Other articles holding the `before` group, in document order.
    const starts = new Map<string, number>();
    for (const w of before.wordings) {
      for (const u of this.graph.wordings.get(w)!.units) {
        const [d, i] = parseUnitId(u);
        if (d === doc) continue;
        const known = starts.get(d);
        if (known === undefined || i < known) starts.set(d, i);
      }
    }
    const docs = [...starts.keys()].sort((a, b) => order(a) - order(b)).slice(0, GAP_DOCS);
    let best: Cluster | null = null;
    let bestShared = 0;
    for (const d of docs) {
      const between: Cluster[] = [];
      let closed = false;
      let at = unitId(d, starts.get(d)!);
      for (let k = 0; k <= GAP_MAX_BETWEEN; k++) {
        const [dd, ii] = parseUnitId(at);
        const next = this.step(dd, ii, 1);
        if (!next) break;
        const c = this.clusterOfUnit(next);
        if (c === after) {
          closed = true;
          break;
        }
        if (c) between.push(c);
        at = next;
      }
      if (!closed) continue;
      for (const c of between) {
        const shared = this.sharedContent(mine, c);
        if (shared > bestShared) [best, bestShared] = [c, shared];
      }
    }
    return best !== null && bestShared >= 2 && bestShared / mine.size >= 0.5 ? best : null;
  }

  private sharedContent(mine: ReadonlySet<string>, cluster: Cluster): number {
    let best = 0;
    for (const w of cluster.wordings) {
      const theirs = new Set(contentKeys(this.graph.wordings.get(w)!.keys));
      let n = 0;
      for (const k of mine) if (theirs.has(k)) n++;
      best = Math.max(best, n);
    }
    return best;
  }

  // ---- groups --------------------------------------------------------------------------------------

  /** The units a cluster's group holds: its own (minus those attached elsewhere) and those attached to it. */
  private groupUnits(cluster: Cluster): GroupUnit[] {
    const ids: string[] = [];
    for (const w of cluster.wordings) for (const id of this.graph.wordings.get(w)!.units) if (!this.attached.has(id)) ids.push(id);
    for (const [id, target] of this.attached) if (target === cluster.id) ids.push(id);
    const order = this.docOrder();
    return ids.map((id) => {
      const [doc, index] = parseUnitId(id);
      const state = this.docs.get(doc)!;
      const unit = state.doc.extract.units[index]!;
      const quote = state.doc.extract.quotes[unit.quote]!;
      return {
        document: doc,
        docOrder: order(doc),
        position: index,
        sentence: unit.sentence,
        start: unit.start,
        end: unit.end,
        text: unit.text,
        lead: unit.lead,
        keys: unit.keys,
        piecesInSentence: state.doc.extract.units.filter((u) => u.sentence === unit.sentence && state.active[u.quote]).length,
        merged: unit.merged === true,
        speaker: quote.speaker,
        source: quote.source,
      };
    });
  }

  private sortedDocs(): DocState[] {
    return [...this.docs.values()].sort(
      (a, b) => a.doc.order - b.doc.order || (a.doc.meta.id < b.doc.meta.id ? -1 : a.doc.meta.id > b.doc.meta.id ? 1 : 0),
    );
  }

  private docOrder(): (id: string) => number {
    const order = (this.orderCache ??= new Map(this.sortedDocs().map((d, i) => [d.doc.meta.id, i])));
    return (id) => order.get(id)!;
  }
}
