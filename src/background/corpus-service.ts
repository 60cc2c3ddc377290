/**
 * The corpus in use, kept by the background: the bundled articles, the packs the reader imported, the
 * pages they added and the articles Verbatim learned while they read — one corpus, regrouped, with
 * its match index. Changes go through here one at a time (learn, forget, import, remove); each is
 * stored first (one IndexedDB transaction), then worked into the live corpus, which regroups only what
 * the change touches; the pack and index the pages are matched against are swapped in when ready.
 *
 * Start: the last snapshot (pack + index, built at the current corpus version) answers at once; the
 * live corpus is built from the stored extracts only when the next change comes. When the store cannot
 * be read, the bundled corpus keeps working and the error is kept for the popup and options to show.
 */
import { analysePage } from '../engine/analyse';
import { documentsOfPage } from '../reading/page-url';
import { corpusDocuments } from '../engine/corpus/build-pack';
import { EXTRACT_VERSION, extractDocument } from '../engine/corpus/document-extract';
import { LiveCorpus, type CorpusDocument } from '../engine/corpus/live-corpus';
import type { CorpusSource } from '../engine/corpus/manifest';
import { packDocuments } from '../engine/corpus/pack-documents';
import type { Lexicon } from '../engine/lexicon';
import { indexPack, reviveIndex, type PackIndex } from '../engine/match/pack-index';
import type { DocumentOrigin, Pack, PackDocument } from '../engine/types';
import type { LearnOutcome, PageArticle, RemovedItems } from '../shared/messages';
import {
  articleText,
  CorpusStoreError,
  corpusVersion,
  deleteArticles,
  deletePack,
  listArticles,
  listPacks,
  loadSnapshot,
  putArticle,
  putPack,
  saveSnapshot,
  storeError,
  type CorpusDb,
  type PersonalOrigin,
  type StoredArticle,
  type StoredPack,
} from '../storage/corpus-db';

/** What the background matches pages against, and what the popup and options show of it. */
export interface ActiveCorpus {
  version: number;
  pack: Pack;
  index: PackIndex;
  /** Groups with a bundled wording: any page may see them marked (the rest waits for the reader, privacy.ts). */
  publicGroups: ReadonlySet<string>;
  counts: Record<PersonalOrigin | 'imported', number>;
  /** The store could not be read or written: what the reader is told. */
  error: CorpusStoreError | null;
}

export type ImportResult = { ok: true; documents: number; skipped: number } | { ok: false; error: string };

/** Article limits: past these a page is not an article Verbatim can learn (a feed, a book, a script dump). */
export const MAX_ARTICLE_CHARS = 400_000;
export const MAX_ARTICLE_QUOTES = 600;

/** Where documents sort in the corpus (ties in grouping follow this order, then ids). */
const ORDER = { imported: 1_000_000, personal: 2_000_000 } as const;

export interface CorpusServiceDeps {
  bundled: { pack: Pack; source: CorpusSource };
  openDb(): Promise<CorpusDb>;
  /** A build stamp: a snapshot from another build (engine, bundled corpus) is rebuilt, never trusted. */
  build: string;
  now(): Date;
  /** Called after the corpus changed (to tell open popups and options pages). */
  changed?(): void;
  /** How long after the last change the snapshot is written. */
  snapshotDelayMs?: number;
  /** The synonyms the index is built with and learning groups with (the ones `verbatim scan` and `learn` use); none: exact words only. */
  lexicon?(): Lexicon;
}

/** A stable id for an article of the reader's corpus: its canonical URL, hashed. */
export function articleId(url: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    h ^= url.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `d-${h.toString(36)}`;
}

export class CorpusService {
  private db: Promise<CorpusDb | null> | null = null;
  private error: CorpusStoreError | null = null;
  private active: Promise<ActiveCorpus> | null = null;
  private live: { corpus: LiveCorpus; packs: Map<string, string[]>; personal: Set<string> } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private snapshotTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly bundledDocs: CorpusDocument[];

  constructor(private readonly deps: CorpusServiceDeps) {
    this.bundledDocs = corpusDocuments(deps.bundled.source).map((d) => ({ ...d, meta: { ...d.meta, origin: 'bundled' } }));
  }

  /** The corpus in use (from the snapshot, or built). */
  current(): Promise<ActiveCorpus> {
    return (this.active ??= this.start());
  }

  /** Keeps an article the reader read (learned) or added; a page already kept is replaced. */
  keep(input: PageArticle, origin: PersonalOrigin): Promise<LearnOutcome> {
    return this.serial(async () => {
      if (input.text.length > MAX_ARTICLE_CHARS)
        return refused(
          `the article is too long to keep (${input.text.length.toLocaleString('en')} characters, at most ${MAX_ARTICLE_CHARS.toLocaleString('en')})`,
        );
      const extract = extractDocument(input.text, this.deps.bundled.pack.topic);
      if (extract.quotes.length > MAX_ARTICLE_QUOTES)
        return refused(`the page holds ${extract.quotes.length} quoted passages: not an article Verbatim can learn from`);
      if (this.bundledDocs.some((d) => d.meta.url === input.url)) return refused('this article is already in the bundled corpus');
      if (origin === 'added') {
        const offTopic = await this.offTopic(input);
        if (offTopic) return refused(offTopic);
      }
      const db = await this.openDb();
      if (!db) return { status: 'failed', reason: this.error?.message ?? 'the store of learned articles is not available' };
      const id = articleId(input.url);
      const document: PackDocument = {
        id,
        outlet: input.outlet,
        site: input.site,
        url: input.url,
        title: input.title,
        published: input.published,
      };
      const stored: StoredArticle = {
        id,
        origin,
        document,
        read: this.deps.now().toISOString(),
        words: input.text.split(/\s+/).filter(Boolean).length,
        extract,
      };
      let replaced: string[];
      try {
        const live = await this.liveCorpus();
        if (live.corpus.documents().some((d) => d.origin === 'imported' && d.url === input.url))
          return refused('this article is already in your corpus, from an imported pack');
        if (await this.isUnchanged(db, live.corpus.documents(), stored, input.text))
          return outcome('unchanged', (await this.current()).pack, id);
        ({ replaced } = await putArticle(db, stored, input.text));
        const existed = live.personal.has(id) || replaced.some((r) => live.personal.has(r));
        const gone = [id, ...replaced].filter((r) => live.personal.has(r));
        if (gone.length) live.corpus.remove(gone);
        for (const r of gone) live.personal.delete(r);
        live.corpus.add([personalDocument(stored)]);
        live.personal.add(id);
        const active = await this.publish(await corpusVersion(db));
        return outcome(existed ? 'updated' : 'learned', active.pack, id);
      } catch (error) {
        this.error = storeError(error);
        return { status: 'failed', reason: this.error.message };
      }
    });
  }

  /**
   * Why a page added by hand may not join the corpus: it must be an article about the topic as the tab's own
   * analysis would say (quotes of the corpus count as evidence, as they do there). A song review quoting one line
   * is still highlighted, but its scare quotes and its other quotes would be compared with as interview quotes.
   */
  private async offTopic(input: PageArticle): Promise<string | null> {
    const { index } = await this.current();
    const title = input.title ?? '';
    const sample = { url: input.url, title, headline: title || undefined, text: input.text };
    const { status } = analysePage(index, sample, documentsOfPage(index.pack.documents, input.url));
    return status === 'topic' ? null : `this page is not an article about ${index.pack.topic.name}: only articles about it join the corpus`;
  }

  /**
   * The same page read again as it was kept (a reload, a revisit, its AMP copy): nothing to write, regroup or
   * tell the open tabs. Any change of text, metadata or origin is an update.
   */
  private async isUnchanged(db: CorpusDb, documents: readonly PackDocument[], stored: StoredArticle, text: string): Promise<boolean> {
    const kept = documents.find((d) => d.id === stored.id);
    if (!kept || kept.origin !== stored.origin) return false;
    const fields = ['outlet', 'site', 'url', 'title', 'published'] as const;
    if (fields.some((f) => kept[f] !== stored.document[f])) return false;
    return (await articleText(db, stored.id)) === text;
  }

  /** Forgets articles; answers what was forgotten, as stored, for an undo (`restore`). */
  forget(asked: readonly string[]): Promise<RemovedItems> {
    // Ids come in messages: anything but a string (a missing id) names no article, and IndexedDB would take
    // it for a damaged store.
    const ids = asked.filter((id): id is string => typeof id === 'string');
    return this.serial(async () => {
      const db = await this.requireDb();
      const live = await this.liveCorpus();
      const removed = await storedArticles(db, ids);
      const version = await deleteArticles(db, ids);
      const gone = ids.filter((id) => live.personal.has(id));
      live.corpus.remove(gone);
      for (const id of gone) live.personal.delete(id);
      await this.publish(version);
      return { packs: [], articles: removed };
    });
  }

  /** Forgets every article of `origin` (or all the reader's articles). */
  async forgetAll(origin?: PersonalOrigin): Promise<void> {
    const ids = (await this.articles()).filter((a) => !origin || a.origin === origin).map((a) => a.id);
    await this.forget(ids);
  }

  /**
   * Puts back what a removal took, record for record, and builds the live corpus again from the store:
   * the corpus is then what it would be had the removal never happened (a pack comes back in its place
   * in the packs' order, not after those imported since).
   */
  restore(removed: RemovedItems): Promise<void> {
    return this.serial(async () => {
      const db = await this.requireDb();
      for (const { article, text } of removed.articles) await putArticle(db, article, text);
      for (const pack of removed.packs) await putPack(db, pack);
      this.live = null;
      await this.liveCorpus();
      await this.publish(await corpusVersion(db));
    });
  }

  importPack(pack: Pack): Promise<ImportResult> {
    return this.serial(async () => {
      const db = await this.requireDb();
      const live = await this.liveCorpus();
      if (pack.id === this.deps.bundled.pack.id || live.packs.has(pack.id))
        return { ok: false, error: `a pack with id "${pack.id}" is already in your corpus (remove it first to replace it)` };
      let version: number;
      try {
        version = await putPack(db, { id: pack.id, pack, imported: this.deps.now().toISOString() });
      } catch (error) {
        // Nothing was stored (one transaction): the corpus stays as it was, and the reader is told why in words.
        return { ok: false, error: storeError(error).message };
      }
      const added = this.addPack(live, pack);
      await this.publish(version);
      return { ok: true, documents: added, skipped: pack.documents.length - added };
    });
  }

  /** Removes an imported pack; answers what was removed, as stored, for an undo (`restore`). */
  removePack(id: string): Promise<RemovedItems> {
    return this.serial(async () => {
      const db = await this.requireDb();
      const live = await this.liveCorpus();
      const stored = (await listPacks(db)).filter((p) => p.id === id);
      const version = await deletePack(db, id);
      live.corpus.remove(live.packs.get(id) ?? [], id);
      live.packs.delete(id);
      await this.publish(version);
      return { packs: stored, articles: [] };
    });
  }

  /** The reader's articles (learned and added), newest first. */
  async articles(): Promise<StoredArticle[]> {
    const db = await this.openDb();
    if (!db) return [];
    return (await listArticles(db)).sort((a, b) => (a.read < b.read ? 1 : a.read > b.read ? -1 : 0));
  }

  async packs(): Promise<StoredPack[]> {
    const db = await this.openDb();
    return db ? listPacks(db) : [];
  }

  /** Everything as one pack (the pack schema), to import on another browser. */
  async exportPack(): Promise<Pack> {
    const { pack } = await this.current();
    return { ...pack, id: `verbatim-export-${this.deps.now().toISOString().slice(0, 10)}` };
  }

  // ---- start ---------------------------------------------------------------------------------------

  private async start(): Promise<ActiveCorpus> {
    const db = await this.openDb();
    if (db) {
      try {
        const [version, snapshot] = await Promise.all([corpusVersion(db), loadSnapshot(db)]);
        if (snapshot && snapshot.version === version && snapshot.build === this.deps.build && snapshot.index) {
          return this.describe(version, snapshot.pack, reviveIndex(snapshot.index));
        }
        await this.liveCorpus();
        return this.describe(version, this.packOf(this.live!.corpus), null, true);
      } catch (error) {
        this.error = storeError(error);
      }
    }
    const live = new LiveCorpus({ lexicon: this.deps.lexicon?.() });
    live.add(this.bundledDocs);
    return this.describe(0, this.packOf(live), null);
  }

  private openDb(): Promise<CorpusDb | null> {
    return (this.db ??= this.deps.openDb().catch((error: unknown) => {
      this.error = storeError(error);
      return null;
    }));
  }

  private async requireDb(): Promise<CorpusDb> {
    const db = await this.openDb();
    if (!db) throw this.error ?? new CorpusStoreError('unavailable', 'the store of learned articles is not available');
    return db;
  }

  /** The live corpus, built from the bundled articles and the stored articles and packs on first use. */
  private async liveCorpus(): Promise<NonNullable<CorpusService['live']>> {
    if (this.live) return this.live;
    const db = await this.requireDb();
    const [stored, packs] = await Promise.all([listArticles(db), listPacks(db)]);
    const articles = await Promise.all(stored.map((a) => this.currentExtract(db, a)));
    const corpus = new LiveCorpus({ lexicon: this.deps.lexicon?.() });
    corpus.add(this.bundledDocs);
    const live = { corpus, packs: new Map<string, string[]>(), personal: new Set<string>() };
    corpus.add(articles.map(personalDocument));
    for (const a of articles) live.personal.add(a.id);
    for (const p of packs.sort((a, b) => (a.id < b.id ? -1 : 1))) this.addPack(live, p.pack);
    this.live = live;
    return live;
  }

  /** An article whose extract an older build made is read again from its stored text (and stored so). */
  private async currentExtract(db: CorpusDb, article: StoredArticle): Promise<StoredArticle> {
    if (article.extract.version === EXTRACT_VERSION) return article;
    const text = await articleText(db, article.id);
    if (text === null) return article;
    const updated = { ...article, extract: extractDocument(text, this.deps.bundled.pack.topic) };
    await putArticle(db, updated, text);
    return updated;
  }

  /** Adds an imported pack's documents, leaving out those the corpus already has (same URL). */
  private addPack(live: NonNullable<CorpusService['live']>, pack: Pack): number {
    const known = new Set(live.corpus.documents().flatMap((d) => (d.url ? [d.url] : [])));
    const { documents, links } = packDocuments(pack, {
      order: ORDER.imported,
      rename: (id) => `${pack.id}/${id}`,
      keep: (d) => !d.url || !known.has(d.url),
    });
    const imported = documents.map((d) => ({ ...d, meta: { ...d.meta, origin: 'imported' as const } }));
    live.corpus.add(imported, links, pack.id);
    live.packs.set(
      pack.id,
      imported.map((d) => d.meta.id),
    );
    return imported.length;
  }

  private packOf(corpus: LiveCorpus): Pack {
    const bundled = this.deps.bundled.pack;
    return {
      format: bundled.format,
      version: bundled.version,
      id: bundled.id,
      topic: bundled.topic,
      documents: corpus.documents(),
      groups: corpus.groups(),
    };
  }

  /** Swaps in the live corpus's pack and a new index; the snapshot follows a little later. */
  private async publish(version: number): Promise<ActiveCorpus> {
    const active = this.describe(version, this.packOf(this.live!.corpus), null, true);
    this.active = Promise.resolve(active);
    this.deps.changed?.();
    return active;
  }

  private describe(version: number, pack: Pack, index: PackIndex | null, snapshot = false): ActiveCorpus {
    const built = index ?? indexPack(pack, this.deps.lexicon?.());
    const origin = new Map(pack.documents.map((d) => [d.id, d.origin]));
    const publicGroups = new Set(pack.groups.filter((g) => g.variants.some((v) => origin.get(v.document) === 'bundled')).map((g) => g.id));
    const counts = { learned: 0, added: 0, imported: 0 };
    for (const d of pack.documents) if (d.origin === 'learned' || d.origin === 'added' || d.origin === 'imported') counts[d.origin]++;
    if (snapshot) this.scheduleSnapshot(version, pack, built);
    return { version, pack, index: built, publicGroups, counts, error: this.error };
  }

  private scheduleSnapshot(version: number, pack: Pack, index: PackIndex): void {
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      void this.openDb()
        .then((db) => db && saveSnapshot(db, { version, build: this.deps.build, pack, index }))
        .catch((error: unknown) => {
          this.error = storeError(error);
        });
    }, this.deps.snapshotDelayMs ?? 2000);
  }

  /** Runs changes one after the other, so two never interleave their store and corpus updates. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function refused(reason: string): LearnOutcome {
  return { status: 'refused', reason };
}

/** What keeping article `id` did, counted in the pack now in use. */
function outcome(status: 'learned' | 'updated' | 'unchanged', pack: Pack, id: string): LearnOutcome {
  const groups = pack.groups.filter((g) => g.variants.some((v) => v.document === id));
  return { status, id, quotes: groups.length, joined: groups.filter((g) => g.variants.some((v) => v.document !== id)).length };
}

function personalDocument(a: StoredArticle): CorpusDocument {
  const origin: DocumentOrigin = a.origin;
  return { meta: { ...a.document, origin, read: a.read }, extract: a.extract, order: ORDER.personal };
}

/** The stored records of these articles, with their texts (those not stored are left out). */
async function storedArticles(db: CorpusDb, ids: readonly string[]): Promise<RemovedItems['articles']> {
  const wanted = new Set(ids);
  const articles = (await listArticles(db)).filter((a) => wanted.has(a.id));
  return Promise.all(articles.map(async (article) => ({ article, text: (await articleText(db, article.id)) ?? '' })));
}
