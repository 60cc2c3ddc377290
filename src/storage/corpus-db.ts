/**
 * The reader's corpus on their machine: the articles Verbatim learned or the reader added, the packs
 * they imported, and a snapshot of the built corpus and its match index for a fast start. IndexedDB
 * through `idb`, one database per browser profile, nothing ever leaves it.
 *
 * Every change is one transaction, so a failed write (a full disk, the quota) leaves the previous state
 * whole; the corpus version is bumped in the same transaction, and a snapshot is trusted only when it
 * was built from that version. Schema changes are numbered upgrades (`DB_VERSION`), run in order.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DocumentExtract } from '../engine/corpus/document-extract';
import type { PackIndex } from '../engine/match/pack-index';
import type { Pack, PackDocument } from '../engine/types';

export const DB_NAME = 'verbatim';
export const DB_VERSION = 1;

/** Where a document of the reader's corpus came from. */
export type PersonalOrigin = 'learned' | 'added';

/** An article learned while reading, or added by hand from the popup. */
export interface StoredArticle {
  id: string;
  origin: PersonalOrigin;
  /** Its pack metadata: `url` is the canonical URL (the article's identity), `published` null when unknown. */
  document: PackDocument;
  /** When it was read (learned) or added, ISO 8601. */
  read: string;
  words: number;
  extract: DocumentExtract;
}

export interface StoredPack {
  id: string;
  pack: Pack;
  /** When it was imported, ISO 8601. */
  imported: string;
}

/** The built corpus and its match index, as of `version`. */
export interface CorpusSnapshot {
  version: number;
  /** What the snapshot was built with (engine, bundled pack): a different build rebuilds it. */
  build: string;
  pack: Pack;
  index: PackIndex | null;
}

interface CorpusSchema extends DBSchema {
  articles: { key: string; value: StoredArticle; indexes: { url: string } };
  /** Article texts, apart from their metadata so listing articles never reads them. */
  texts: { key: string; value: { id: string; text: string } };
  packs: { key: string; value: StoredPack };
  /** 'version' → the corpus version; 'snapshot' → the last snapshot. */
  state: { key: string; value: number | CorpusSnapshot };
}

export type CorpusDb = IDBPDatabase<CorpusSchema>;

/** Why the reader's corpus could not be read or written, in words the options page and popup show. */
export class CorpusStoreError extends Error {
  constructor(
    readonly kind: 'quota' | 'unavailable' | 'corrupt',
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'CorpusStoreError';
  }
}

/** A storage failure → the error the reader is told about. */
export function storeError(error: unknown): CorpusStoreError {
  if (error instanceof CorpusStoreError) return error;
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'QuotaExceededError' || /quota/i.test(String((error as Error | null)?.message)))
    return new CorpusStoreError(
      'quota',
      'There is no room left on this computer for what Verbatim learns. Nothing was lost; forget some articles or free disk space.',
      error,
    );
  if (name === 'VersionError' || name === 'DataError' || name === 'DataCloneError')
    return new CorpusStoreError(
      'corrupt',
      'Verbatim could not read the articles it learned: the saved data is damaged. The bundled corpus still works.',
      error,
    );
  return new CorpusStoreError(
    'unavailable',
    'Verbatim could not open its store of learned articles. The bundled corpus still works.',
    error,
  );
}

/**
 * Opens (creating or upgrading) the database. Upgrades run in order from the stored version; each
 * one only adds, so an older profile keeps everything it had.
 */
export async function openCorpusDb(name = DB_NAME): Promise<CorpusDb> {
  try {
    return await openDB<CorpusSchema>(name, DB_VERSION, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          const articles = db.createObjectStore('articles', { keyPath: 'id' });
          articles.createIndex('url', 'document.url', { unique: false });
          db.createObjectStore('texts', { keyPath: 'id' });
          db.createObjectStore('packs', { keyPath: 'id' });
          db.createObjectStore('state');
        }
      },
    });
  } catch (error) {
    throw storeError(error);
  }
}

/** Bumps the corpus version inside a change's transaction: a snapshot of an older version is stale. */
async function bump(tx: {
  objectStore(name: 'state'): { get(key: string): Promise<unknown>; put(value: number, key: string): Promise<unknown> };
}): Promise<number> {
  const state = tx.objectStore('state');
  const version = ((await state.get('version')) as number | undefined) ?? 0;
  await state.put(version + 1, 'version');
  return version + 1;
}

/** Runs a change; any failure (the quota, a closed database) aborts it whole and is told in words. */
async function change<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storeError(error);
  }
}

/**
 * Stores an article with its text, replacing any earlier version with the same canonical URL (a page
 * read again is an updated article). Returns the new corpus version and the ids it replaced.
 */
export function putArticle(db: CorpusDb, article: StoredArticle, text: string): Promise<{ version: number; replaced: string[] }> {
  return change(async () => {
    const tx = db.transaction(['articles', 'texts', 'state'], 'readwrite');
    const articles = tx.objectStore('articles');
    const texts = tx.objectStore('texts');
    let replaced: string[] = [];
    if (article.document.url) {
      replaced = (await articles.index('url').getAllKeys(article.document.url)).filter((id) => id !== article.id);
      for (const id of replaced) {
        await articles.delete(id);
        await texts.delete(id);
      }
    }
    await articles.put(article);
    await texts.put({ id: article.id, text });
    const version = await bump(tx);
    await tx.done;
    return { version, replaced };
  });
}

export function deleteArticles(db: CorpusDb, ids: readonly string[]): Promise<number> {
  return change(async () => {
    const tx = db.transaction(['articles', 'texts', 'state'], 'readwrite');
    for (const id of ids) {
      await tx.objectStore('articles').delete(id);
      await tx.objectStore('texts').delete(id);
    }
    const version = await bump(tx);
    await tx.done;
    return version;
  });
}

export async function listArticles(db: CorpusDb): Promise<StoredArticle[]> {
  try {
    return await db.getAll('articles');
  } catch (error) {
    throw storeError(error);
  }
}

export async function articleText(db: CorpusDb, id: string): Promise<string | null> {
  return (await db.get('texts', id))?.text ?? null;
}

export function putPack(db: CorpusDb, pack: StoredPack): Promise<number> {
  return change(async () => {
    const tx = db.transaction(['packs', 'state'], 'readwrite');
    await tx.objectStore('packs').put(pack);
    const version = await bump(tx);
    await tx.done;
    return version;
  });
}

export function deletePack(db: CorpusDb, id: string): Promise<number> {
  return change(async () => {
    const tx = db.transaction(['packs', 'state'], 'readwrite');
    await tx.objectStore('packs').delete(id);
    const version = await bump(tx);
    await tx.done;
    return version;
  });
}

export async function listPacks(db: CorpusDb): Promise<StoredPack[]> {
  try {
    return await db.getAll('packs');
  } catch (error) {
    throw storeError(error);
  }
}

export async function corpusVersion(db: CorpusDb): Promise<number> {
  return ((await db.get('state', 'version')) as number | undefined) ?? 0;
}

export async function loadSnapshot(db: CorpusDb): Promise<CorpusSnapshot | null> {
  const value = await db.get('state', 'snapshot');
  return value && typeof value === 'object' ? value : null;
}

/** Saves a snapshot unless the corpus changed since it was built (then a newer one is coming). */
export async function saveSnapshot(db: CorpusDb, snapshot: CorpusSnapshot): Promise<boolean> {
  try {
    const tx = db.transaction('state', 'readwrite');
    const version = ((await tx.store.get('version')) as number | undefined) ?? 0;
    if (version !== snapshot.version) {
      await tx.done;
      return false;
    }
    await tx.store.put(snapshot, 'snapshot');
    await tx.done;
    return true;
  } catch (error) {
    throw storeError(error);
  }
}
