/**
 * The corpus the background keeps: learned articles join the bundled groups, a page read again replaces
 * its earlier version, forgetting restores the bundled groups, a restart answers from the snapshot,
 * an imported pack that repeats the bundled articles adds nothing twice, and storage failures lose
 * nothing and say so.
 */
import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildPack } from '../../../src/engine/corpus/build-pack';
import type { CorpusSource } from '../../../src/engine/corpus/manifest';
import type { Pack } from '../../../src/engine/types';
import { CorpusService, MAX_ARTICLE_CHARS } from '../../../src/background/corpus-service';
import type { PageArticle } from '../../../src/shared/messages';
import { corpusVersion, listArticles, openCorpusDb } from '../../../src/storage/corpus-db';
import { loadCorpusDir } from '../../../src/node/corpus-dir';
import { CORPUS_DIR } from '../../support/corpus';

let source: CorpusSource;
let bundled: Pack;
let dbName: string;
let dbCount = 0;

beforeAll(async () => {
  source = await loadCorpusDir(CORPUS_DIR);
  bundled = buildPack(source);
});
beforeEach(() => {
  dbName = `verbatim-test-${++dbCount}`;
});

function service(overrides: Partial<ConstructorParameters<typeof CorpusService>[0]> = {}): CorpusService {
  return new CorpusService({
    bundled: { pack: bundled, source },
    openDb: () => openCorpusDb(dbName),
    build: 'test',
    now: () => new Date('2026-11-30T10:00:00Z'),
    snapshotDelayMs: 0,
    ...overrides,
  });
}

/** Another outlet's report of the same interview, worded its own way. */
const report: PageArticle = {
  url: 'https://reader.example/news/moss-hamm-scene',
  outlet: 'Reader Weekly',
  site: 'reader.example',
  title: 'Mad Men: Moss on the scene Hamm improvised',
  published: '2022-11-02',
  text: [
    'Mad Men: Moss on the scene Hamm improvised',
    'Elisabeth Moss told Vanity Fair about the Season 5 scene. “That’s actually real tears, which you know, hate to break it to you,” Moss said.',
    '“None of that was in the script and he did it on my close-up,” she added.',
    '“A brand-new quote that no other outlet carries at all,” Moss said.',
  ].join('\n'),
};

const groupsOf = (pack: Pack, doc: string) => pack.groups.filter((g) => g.variants.some((v) => v.document === doc));

describe('the corpus service', () => {
  it('starts from the bundled corpus alone', async () => {
    const active = await service().current();
    expect(active.pack.groups).toEqual(bundled.groups);
    expect(active.pack.documents.every((d) => d.origin === 'bundled')).toBe(true);
    expect(active.counts).toEqual({ learned: 0, added: 0, imported: 0 });
    expect(active.publicGroups.size).toBe(bundled.groups.length);
  });

  it('learns an article into the bundled groups; its own quote stays private to the page until the reader acts', async () => {
    const s = service();
    const result = await s.keep(report, 'learned');
    expect(result).toMatchObject({ status: 'learned', quotes: 3, joined: 2 });
    const active = await s.current();
    const id = (result as { id: string }).id;
    const doc = active.pack.documents.find((d) => d.id === id)!;
    expect(doc).toMatchObject({ origin: 'learned', read: '2026-11-30T10:00:00.000Z', url: report.url, published: '2022-11-02' });
    const mine = groupsOf(active.pack, id);
    expect(mine.filter((g) => g.variants.length > 1)).toHaveLength(2);
    const own = mine.find((g) => g.variants.length === 1)!;
    expect(active.publicGroups.has(own.id)).toBe(false);
    for (const g of mine.filter((x) => x.variants.length > 1)) expect(active.publicGroups.has(g.id)).toBe(true);
    expect(active.counts.learned).toBe(1);
  });

  it('replaces a page read again (same canonical URL), and forgetting it restores the bundled groups', async () => {
    const s = service();
    const first = await s.keep(report, 'learned');
    const again = await s.keep({ ...report, text: report.text.replace('A brand-new quote', 'An updated quote') }, 'learned');
    expect(again).toMatchObject({ status: 'updated', id: (first as { id: string }).id });
    expect((await s.current()).pack.documents.filter((d) => d.origin === 'learned')).toHaveLength(1);
    expect(await s.articles()).toHaveLength(1);
    await s.forget([(first as { id: string }).id]);
    expect((await s.current()).pack.groups).toEqual(bundled.groups);
    expect(await s.articles()).toEqual([]);
  });

  it('undoes the removal of an imported pack and the forgetting of an article exactly: the same records, the same corpus', async () => {
    const s = service();
    const kept = (await s.keep(report, 'added')) as { id: string };
    const pack = structuredClone(bundled);
    pack.id = 'extra-pack';
    pack.documents = pack.documents.map((d) => ({ ...d, outlet: `Extra ${d.outlet}`, url: `https://extra.example/${d.id}` }));
    expect(await s.importPack(pack)).toMatchObject({ ok: true });
    const [packs, articles, before] = [await s.packs(), await s.articles(), (await s.current()).pack];
    const db = await openCorpusDb(dbName);
    const text = async () => (await db.get('texts', kept.id))?.text;
    const textBefore = await text();

    const removedPack = await s.removePack('extra-pack');
    expect(removedPack).toEqual({ packs, articles: [] });
    const forgotten = await s.forget([kept.id]);
    expect(forgotten.articles.map((a) => a.article)).toEqual(articles);
    expect((await s.current()).pack.documents.filter((d) => d.origin !== 'bundled')).toEqual([]);

    await s.restore(forgotten);
    await s.restore(removedPack);
    expect(await s.packs()).toEqual(packs);
    expect(await s.articles()).toEqual(articles);
    expect(await text()).toBe(textBefore);
    expect((await s.current()).pack).toEqual(before);
    // And as a fresh start (another worker) reads the store.
    expect((await service().current()).pack).toEqual(before);
  });

  it('finds a page read again as it was kept unchanged: nothing written, nothing regrouped, no tab told', async () => {
    const changed = vi.fn();
    const s = service({ changed });
    const first = await s.keep(report, 'learned');
    const before = await s.current();
    const db = await openCorpusDb(dbName);
    const version = await corpusVersion(db);
    expect(changed).toHaveBeenCalledTimes(1);

    const again = await s.keep({ ...report }, 'learned');
    expect(again).toEqual({ ...first, status: 'unchanged' });
    expect(await corpusVersion(db)).toBe(version);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(await s.current()).toBe(before);

    // A new title, or the reader adding a page learning already kept, is a change.
    expect(await s.keep({ ...report, title: 'Mad Men: Moss on the improvised scene' }, 'learned')).toMatchObject({ status: 'updated' });
    expect(await s.keep({ ...report, title: 'Mad Men: Moss on the improvised scene' }, 'added')).toMatchObject({ status: 'updated' });
    expect(changed).toHaveBeenCalledTimes(3);
    db.close();
  });

  it('answers a restart from the snapshot, without reading any article again', async () => {
    const s = service();
    await s.keep(report, 'learned');
    const before = await s.current();
    const db = await openCorpusDb(dbName);
    await vi.waitFor(async () => expect((await db.get('state', 'snapshot')) as unknown).toMatchObject({ version: before.version }));
    const restarted = service();
    const after = await restarted.current();
    expect(after.version).toBe(before.version);
    expect(after.pack).toEqual(before.pack);
    expect(Array.from(after.index.refs.exact)).toEqual(Array.from(before.index.refs.exact));
    expect((restarted as unknown as { live: unknown }).live).toBeNull(); // nothing was regrouped
  });

  it('merges an imported pack that repeats the bundled articles: nothing twice', async () => {
    const s = service();
    const other: Pack = { ...bundled, id: 'friend' };
    expect(await s.importPack(other)).toEqual({ ok: true, documents: 0, skipped: bundled.documents.length });
    const active = await s.current();
    expect(active.pack.groups).toEqual(bundled.groups);
    expect(await s.importPack(other)).toMatchObject({ ok: false });
  });

  it('refuses what is not an article it can learn, and says why', async () => {
    const s = service();
    expect(await s.keep({ ...report, text: 'x '.repeat(MAX_ARTICLE_CHARS) }, 'learned')).toMatchObject({
      status: 'refused',
      reason: expect.stringMatching(/too long/) as unknown,
    });
    const quoted = Array.from({ length: 5000 }, (_, i) => `“Quoted string number ${i} here,” she said.`).join('\n');
    expect(await s.keep({ ...report, text: quoted }, 'learned')).toMatchObject({
      status: 'refused',
      reason: expect.stringMatching(/5000 quoted passages/) as unknown,
    });
    const bundledUrl = bundled.documents[0]!.url!;
    expect(await s.keep({ ...report, url: bundledUrl }, 'learned')).toMatchObject({ status: 'refused' });
    expect(await s.articles()).toEqual([]);
  });

  it('refuses a page added by hand that is not about the topic, even one quoting the corpus, and keeps nothing', async () => {
    const s = service();
    const review: PageArticle = {
      url: 'https://music.example/reviews/new-album',
      outlet: 'Music Weekly',
      site: 'music.example',
      title: 'The new album is a “triumph” of mood',
      published: null,
      text: [
        'The new album is a “triumph” of mood',
        'The band’s “difficult” second record opens with a song about rain. “That’s actually real tears, which you know, hate to break it to you,” the singer told us, borrowing a line.',
        'The closing track is the best thing they have made, a slow build over eight minutes.',
      ].join('\n'),
    };
    expect(await s.keep(review, 'added')).toMatchObject({
      status: 'refused',
      reason: 'this page is not an article about Mad Men: only articles about it join the corpus',
    });
    expect(await s.articles()).toEqual([]);
    expect(await s.keep(report, 'added')).toMatchObject({ status: 'learned' });
  });

  it('forgets nothing, and reports no damage, for an id that is not a string', async () => {
    const s = service();
    await s.keep(report, 'learned');
    expect(await s.forget([undefined as unknown as string])).toEqual({ packs: [], articles: [] });
    expect(await s.articles()).toHaveLength(1);
    expect((await s.current()).error).toBeNull();
  });

  it('keeps what it learned when a write fails for lack of room, and says so', async () => {
    let full = false;
    const s = service({
      openDb: async () => {
        const db = await openCorpusDb(dbName);
        const transaction = db.transaction.bind(db);
        db.transaction = ((stores: never, mode?: IDBTransactionMode) => {
          if (full && mode === 'readwrite') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return transaction(stores, mode);
        }) as typeof db.transaction;
        return db;
      },
    });
    await s.keep(report, 'learned');
    const before = await s.current();
    full = true;
    const result = await s.keep({ ...report, url: 'https://reader.example/other' }, 'learned');
    expect(result).toMatchObject({ status: 'failed', reason: expect.stringMatching(/no room left/) as unknown });
    expect((await s.current()).pack).toEqual(before.pack);
    expect(await listArticles(await openCorpusDb(dbName))).toHaveLength(1);
    // A pack that does not fit is refused in words, and nothing of it is stored or grouped.
    const other = { ...structuredClone(bundled), id: 'other', documents: bundled.documents.map((d) => ({ ...d, url: `${d.url}?copy` })) };
    expect(await s.importPack(other)).toEqual({ ok: false, error: expect.stringMatching(/no room left/) as unknown });
    expect((await s.current()).pack).toEqual(before.pack);
    expect(await s.packs()).toEqual([]);
  });

  it('keeps the bundled corpus working when the store cannot be opened, and says so', async () => {
    const s = service({ openDb: () => Promise.reject(new DOMException('Internal error opening backing store', 'UnknownError')) });
    const active = await s.current();
    expect(active.pack.groups).toEqual(bundled.groups);
    expect(active.error?.message).toMatch(/could not open/);
    expect(await s.keep(report, 'learned')).toMatchObject({ status: 'failed' });
  });
});
