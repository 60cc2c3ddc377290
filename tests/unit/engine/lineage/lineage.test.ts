/** The whole stage on real corpora: the bundled one, and a fixture corpus that holds the original transcript. */
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../../src/engine/corpus/build-pack';
import { computeLineage, type LineageDocument } from '../../../../src/engine/lineage/lineage';
import type { Pack } from '../../../../src/engine/types';
import { buildPackFromDir, loadCorpusDir } from '../../../../src/node/corpus-dir';
import { CORPUS_DIR } from '../../../support/corpus';
import { resolve } from 'node:path';
import { ROOT } from '../../../support/repo';

async function corpus(dir: string): Promise<{ pack: Pack; documents: LineageDocument[] }> {
  const [pack, source] = await Promise.all([buildPackFromDir(dir), loadCorpusDir(dir)]);
  return { pack, documents: pack.documents.map((d) => ({ ...d, text: source.texts[d.id] })) };
}

describe('lineage of the bundled corpus', () => {
  it('finds the two families: /Film follows The News International (“have”, “brother/little sister”); the others name their nearest wording, sharing nothing distinctive', async () => {
    const { pack, documents } = await corpus(CORPUS_DIR);
    const lineage = computeLineage({ groups: pack.groups, documents });
    const closest = Object.fromEntries(lineage.documents.map((d) => [d.document, d.closest?.document ?? null]));
    // NME and IndieWire word the quotes alike (both are the consensus); IndieWire (31 Oct) precedes NME (Nov).
    // The News International is undated and NME and IndieWire word its quotes alike: either is its nearest.
    expect(closest).toMatchObject({ nme: 'indiewire', indiewire: 'thenews', slashfilm: 'thenews' });
    expect(['nme', 'indiewire']).toContain(closest['thenews']);
    const film = lineage.documents.find((d) => d.document === 'slashfilm')!.closest!;
    expect(film.shared).toBeGreaterThanOrEqual(2);
    for (const id of ['nme', 'thenews', 'indiewire']) expect(lineage.documents.find((d) => d.document === id)!.closest!.shared).toBe(0);
    const had = lineage.groups.find((g) => g.group === 'g-932e78d7')!;
    expect(had.original).toBeNull();
    const edge = had.tree.find((e) => e.document === 'slashfilm')!;
    expect(edge.parent).toBe('thenews');
    expect(edge.evidence.join(' ')).toContain('“have” for “had”');
    expect(had.meaning).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ document: 'thenews', kind: 'tense', words: 'had → have' }),
        expect.objectContaining({ document: 'slashfilm', kind: 'bracket', words: '[Hamm]' }),
      ]),
    );
    // IndieWire (31 Oct) can parent NME (Nov); NME can never parent IndieWire.
    for (const g of lineage.groups) expect(g.tree.find((e) => e.document === 'indiewire')?.parent ?? null).not.toBe('nme');
  });
});

describe('lineage with the original in the corpus (tests/fixtures/lineage/with-original)', () => {
  it('the primary transcript leads every comparison; changes are named against it; a credit overrides inference', async () => {
    const { pack, documents } = await corpus(resolve(ROOT, 'tests/fixtures/lineage/with-original'));
    expect(pack.documents.find((d) => d.id === 'transcript')!.primary).toBe(true);
    const lineage = computeLineage({ groups: pack.groups, documents });
    for (const g of lineage.groups) {
      expect(g.original).toBe('transcript');
      expect(g.tree[0]).toMatchObject({ document: 'transcript', parent: null, confidence: 1 });
      expect(g.reference).toBe(pack.groups.find((x) => x.id === g.group)!.variants.find((v) => v.document === 'transcript')!.text);
    }
    const screenpost = lineage.documents.find((d) => d.document === 'screenpost')!;
    expect(screenpost.closest).toMatchObject({ document: 'ledger', against: 0, confidence: 1 });
    expect(screenpost.evidence[0]).toBe('credits Daily Ledger: “As first reported by Daily Ledger”');
    const hedge = lineage.groups.flatMap((g) => g.meaning).filter((m) => m.kind === 'hedge');
    expect(hedge.map((m) => m.document).sort()).toEqual(['ledger', 'screenpost']);
    const negation = lineage.groups.flatMap((g) => g.meaning).find((m) => m.kind === 'negation')!;
    expect(negation).toMatchObject({ document: 'reeltimes', words: 'didn’t → did' });
    expect(lineage.groups.flatMap((g) => g.meaning).find((m) => m.kind === 'number')).toMatchObject({
      document: 'reeltimes',
      words: '90-something → nineteen',
    });
  });

  it('without the primary flag, the outlet the quotes are attributed to ("Vanity Fair interview") is taken as the original', async () => {
    const { pack, documents } = await corpus(resolve(ROOT, 'tests/fixtures/lineage/with-original'));
    const unmarked = pack.documents.map((d) => ({ ...d, primary: undefined }));
    const groups = pack.groups.map((g) => ({ ...g, source: 'Vanity Fair video' }));
    const lineage = computeLineage({ groups, documents: documents.map((d) => ({ ...d, primary: undefined })) });
    expect(unmarked.some((d) => d.primary)).toBe(false);
    for (const g of lineage.groups) expect(g.original).toBe('transcript');
    expect(lineage.groups[0]!.tree[0]!.evidence[0]).toContain('outlets attribute the quote to Vanity Fair video');
  });
});

describe('one page at two addresses', () => {
  // A page, its AMP copy (same site, same words, same date), and a later copy of the page with one change.
  const said = [
    'I had a very close relationship with Jon, and it meant something to the both of us when we did that scene.',
    'We shot it in one take because Matt wanted it raw, quiet and real, and nobody argued with him.',
  ];
  const quoted = (lines: string[]) =>
    ['Elisabeth Moss looks back on Mad Men', ...lines.map((l) => `“${l.replace(/\.$/, '')},” Moss said.`)].join('\n\n');
  const doc = (id: string, site: string, url: string, published: string) => ({
    id,
    file: `${id}.txt`,
    outlet: site,
    site,
    url,
    title: null,
    published,
  });
  const source = {
    manifest: {
      topic: 'Mad Men',
      documents: [
        doc('copy', 'copy.example', 'https://copy.example/tv/moss', '2022-10-14T10:00:00Z'),
        doc('amp', 'page.example', 'https://page.example/amp/tv/moss', '2022-10-12T10:00:00Z'),
        doc('page', 'page.example', 'https://page.example/tv/moss', '2022-10-12T10:00:00Z'),
      ],
    },
    texts: { page: quoted(said), amp: quoted(said), copy: quoted([said[0]!.replace('close', 'tight'), said[1]!]) },
  };

  it('is one source: a copy of it names the canonical address, not a tie between the two', () => {
    const pack = buildPack(source);
    const lineage = computeLineage({
      groups: pack.groups,
      documents: pack.documents.map((d) => ({ ...d, text: source.texts[d.id as 'page'] })),
    });
    const copy = lineage.documents.find((d) => d.document === 'copy')!;
    expect(copy.tied).toBeUndefined();
    expect(copy.closest?.document).toBe('page');
    expect(copy.evidence.join(' ')).toContain('one page at 2 addresses');
    // And the two name each other.
    expect(lineage.documents.find((d) => d.document === 'amp')!.closest?.document).toBe('page');
    expect(lineage.documents.find((d) => d.document === 'page')!.closest?.document).toBe('amp');
  });

  it('votes once: a copy at two addresses does not outvote the outlet it copied, so the change stays the copy’s', () => {
    // The source says "not"; a later copy drops it and is published at two addresses (undated source,
    // as in the bundled corpus): three documents, two wordings, but one testimony each.
    const negated = 'It is not love, I do not know what it is, but it is the one relationship he treats with respect.';
    const dropped = negated.replace('It is not love', 'It is love');
    const undated = { ...doc('source', 'source.example', 'https://source.example/moss', '2022-10-10T10:00:00Z'), published: null };
    const twins = {
      manifest: {
        topic: 'Mad Men',
        documents: [
          undated,
          doc('later', 'page.example', 'https://page.example/tv/moss', '2022-10-12T10:00:00Z'),
          doc('later-amp', 'page.example', 'https://page.example/amp/tv/moss', '2022-10-12T10:00:00Z'),
        ],
      },
      texts: { source: quoted([negated]), later: quoted([dropped]), 'later-amp': quoted([dropped]) },
    };
    const pack = buildPack(twins);
    const lineage = computeLineage({
      groups: pack.groups,
      documents: pack.documents.map((d) => ({ ...d, text: twins.texts[d.id as 'source'] })),
    });
    const flagged = lineage.groups.flatMap((g) => g.meaning).filter((m) => m.kind === 'negation');
    expect(flagged.map((m) => m.document).sort()).toEqual(['later', 'later-amp']);
    // The undated source may follow anything; its only candidates have its words and one change more,
    // so the nearest is named without confidence, and the evidence says why.
    const source = lineage.documents.find((d) => d.document === 'source')!;
    expect(source.closest).toMatchObject({ document: 'later', confidence: 0 });
    expect(source.evidence.join(' ')).toContain('it may be their source');
  });
});
