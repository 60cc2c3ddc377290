import { describe, expect, it } from 'vitest';
import { isVerbatim, outletFidelity } from '../../../../src/engine/compare/fidelity';
import { buildPackFromDir } from '../../../../src/node/corpus-dir';
import type { Pack } from '../../../../src/engine/types';

const doc = (id: string) => ({ id, outlet: id.toUpperCase(), site: null, url: null, title: null, published: null });
const v = (document: string, change: Pack['groups'][number]['variants'][number]['change']) => ({
  document,
  text: 'x',
  start: 0,
  end: 1,
  change,
});

const small: Pack = {
  format: 'verbatim-pack',
  version: 1,
  id: 't',
  topic: { name: 'T', signals: [], weights: {}, thresholds: {} },
  documents: [doc('a'), doc('b'), doc('c')],
  groups: [
    {
      id: 'g1',
      speaker: null,
      source: null,
      consensus: 'x',
      variants: [v('a', ['identical']), v('b', ['ellipsis', 'bracket']), v('c', ['typography'])],
    },
    { id: 'g2', speaker: null, source: null, consensus: 'x', variants: [v('a', ['identical']), v('b', ['identical'])] },
    { id: 'g3', speaker: null, source: null, consensus: 'x', variants: [v('a', ['reworded', 'punctuation']), v('c', ['identical'])] },
    { id: 'g4', speaker: null, source: null, consensus: 'x', variants: [v('b', ['identical'])] },
  ],
};

describe('outletFidelity', () => {
  it('counts, per outlet, the shared quotes worded as the consensus and the kinds of the others; unique quotes apart', () => {
    expect(outletFidelity(small)).toEqual([
      {
        document: 'a',
        outlet: 'A',
        compared: 3,
        asConsensus: 2,
        kinds: [
          { kind: 'punctuation', count: 1 },
          { kind: 'reworded', count: 1 },
        ],
        unique: 0,
      },
      {
        document: 'b',
        outlet: 'B',
        compared: 2,
        asConsensus: 1,
        kinds: [
          { kind: 'bracket', count: 1 },
          { kind: 'ellipsis', count: 1 },
        ],
        unique: 1,
      },
      { document: 'c', outlet: 'C', compared: 2, asConsensus: 2, kinds: [], unique: 0 },
    ]);
  });
  it('typography-only counts as word for word', () => {
    expect(isVerbatim(['typography'])).toBe(true);
    expect(isVerbatim(['identical'])).toBe(true);
    expect(isVerbatim(['typography', 'punctuation'])).toBe(false);
  });
  it('on the bundled corpus: every variant of a shared quote is counted once, kinds in taxonomy order', async () => {
    const pack = await buildPackFromDir('assets/corpus');
    const rows = outletFidelity(pack);
    expect(rows.map((r) => r.document)).toEqual(pack.documents.map((d) => d.id));
    const shared = pack.groups.filter((g) => new Set(g.variants.map((x) => x.document)).size > 1);
    for (const r of rows) {
      expect(r.compared).toBe(shared.flatMap((g) => g.variants).filter((x) => x.document === r.document).length);
      expect(r.asConsensus).toBeLessThanOrEqual(r.compared);
    }
    const film = rows.find((r) => r.document === 'slashfilm')!;
    expect(film.kinds.map((k) => k.kind)).toContain('ellipsis');
    expect(film.kinds.map((k) => k.kind)).toContain('bracket');
    expect(film.unique).toBeGreaterThan(0);
  });
});
