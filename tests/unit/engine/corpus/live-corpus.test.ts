/**
 * The corpus as it grows: adding articles one at a time (or in batches, in any order, with some removed
 * and added again) gives exactly the groups of building the pack from all of them at once.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPack, corpusDocuments } from '../../../../src/engine/corpus/build-pack';
import { extractDocument } from '../../../../src/engine/corpus/document-extract';
import { LiveCorpus, type CorpusDocument } from '../../../../src/engine/corpus/live-corpus';
import { packDocuments } from '../../../../src/engine/corpus/pack-documents';
import type { CorpusSource } from '../../../../src/engine/corpus/manifest';
import type { QuoteGroup } from '../../../../src/engine/types';
import { loadCorpusDir } from '../../../../src/node/corpus-dir';
import { generateCorpus } from '../../../../bench/corpus-generator';
import { loadLexicon } from '../../../../src/node/lexicon';
import { CORPUS_DIR } from '../../../support/corpus';
import { generatePages } from '../../../support/learn-pages';

let bundled: CorpusSource;
let documents: CorpusDocument[];

/** The bundled articles and generated retellings of a few stories (several outlets per story). */
beforeAll(async () => {
  bundled = await loadCorpusDir(CORPUS_DIR);
  const generated = generateCorpus(16, 7);
  documents = [
    ...corpusDocuments(bundled),
    ...corpusDocuments(generated).map((d) => ({ ...d, order: 1000 })), // learned articles: after the bundled ones, by id
  ];
});

function packGroups(live: LiveCorpus): QuoteGroup[] {
  return live.groups();
}

function allAtOnce(docs: readonly CorpusDocument[]): QuoteGroup[] {
  const live = new LiveCorpus();
  live.add(docs);
  return packGroups(live);
}

describe('the live corpus', () => {
  it('builds the bundled pack exactly as buildPack does', () => {
    const live = new LiveCorpus();
    live.add(corpusDocuments(bundled));
    expect(packGroups(live)).toEqual(buildPack(bundled).groups);
  });

  it('one article at a time, in any order, gives the groups of all at once', () => {
    const expected = allAtOnce(documents);
    expect(expected.length).toBeGreaterThan(20);
    expect(expected.some((g) => new Set(g.variants.map((v) => v.document)).size >= 3)).toBe(true);
    fc.assert(
      fc.property(fc.shuffledSubarray(documents, { minLength: documents.length, maxLength: documents.length }), (order) => {
        const live = new LiveCorpus();
        for (const d of order) live.add([d]);
        expect(packGroups(live)).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });

  it('with the synonyms (as learning groups), one article at a time in any order still gives the groups of all at once', () => {
    const lexicon = loadLexicon();
    // Pages quoting the bundled interview reworded, spun and cut short, so synonyms and loose parts make edges.
    const pages = generatePages(buildPack(bundled), 'Vanity Fair interview', 8, 2).map((p, i): CorpusDocument => ({
      meta: { ...documents[0]!.meta, id: p.id },
      extract: extractDocument(p.text),
      order: 2000 + i,
    }));
    const docs = [...documents, ...pages];
    const once = new LiveCorpus({ lexicon });
    once.add(docs);
    const expected = once.groups();
    fc.assert(
      fc.property(fc.shuffledSubarray(docs, { minLength: docs.length, maxLength: docs.length }), (order) => {
        const live = new LiveCorpus({ lexicon });
        for (const d of order) live.add([d]);
        expect(live.groups()).toEqual(expected);
      }),
      { numRuns: 10 },
    );
  });

  it('removing articles gives the groups of never having added them', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(documents, { minLength: documents.length, maxLength: documents.length }),
        fc.integer({ min: 1, max: 8 }),
        (order, removed) => {
          const live = new LiveCorpus();
          for (const d of order) live.add([d]);
          const gone = order.slice(0, removed);
          live.remove(gone.map((d) => d.meta.id));
          const kept = documents.filter((d) => !gone.includes(d));
          expect(packGroups(live)).toEqual(allAtOnce(kept));
          // …and adding them back, the groups of everything again.
          for (const d of gone.reverse()) live.add([d]);
          expect(packGroups(live)).toEqual(allAtOnce(documents));
        },
      ),
      { numRuns: 15 },
    );
  });

  it('joins a learned article to the bundled group of the same utterance', () => {
    const live = new LiveCorpus();
    live.add(corpusDocuments(bundled));
    const before = live.groups().length;
    const text = 'Elisabeth Moss told Vanity Fair: “That’s actually real tears, which you know, hate to break it to you.”\n';
    live.add([
      {
        meta: { id: 'learned-1', outlet: 'Reader Weekly', site: null, url: null, title: null, published: null },
        extract: extractDocument(text),
        order: 1000,
      },
    ]);
    const groups = live.groups();
    expect(groups.length).toBe(before);
    const joined = groups.find((g) => g.variants.some((v) => v.document === 'learned-1'))!;
    expect(new Set(joined.variants.map((v) => v.document))).toEqual(new Set(['nme', 'thenews', 'indiewire', 'slashfilm', 'learned-1']));
  });

  it('regroups a pack from its variants alone into the same groups', () => {
    const pack = buildPack(bundled);
    const { documents: docs, links } = packDocuments(pack);
    const live = new LiveCorpus();
    live.add(docs, links, pack.id);
    expect(live.groups()).toEqual(pack.groups);
    live.remove(
      docs.map((d) => d.meta.id),
      pack.id,
    );
    expect(live.groups()).toEqual([]);
  });

  it('merges an imported pack that holds the bundled articles under other ids into the bundled groups', () => {
    const pack = buildPack(bundled);
    const live = new LiveCorpus();
    live.add(corpusDocuments(bundled));
    const imported = packDocuments(pack, { order: 100, rename: (id) => `other/${id}` });
    live.add(imported.documents, imported.links, 'other');
    const groups = live.groups();
    expect(groups.length).toBe(pack.groups.length);
    for (const g of groups) {
      const docs = g.variants.map((v) => v.document);
      for (const d of docs.filter((x) => !x.startsWith('other/'))) expect(docs).toContain(`other/${d}`);
    }
  });

  it('refuses the same article twice', () => {
    const live = new LiveCorpus();
    live.add([documents[0]!]);
    expect(() => live.add([documents[0]!])).toThrow(/already in the corpus/);
  });
});
