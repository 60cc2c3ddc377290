/**
 * Properties over generated traditions (bench/lineage/traditions.ts: 5–30 copies of real corpus quotes,
 * random edits, noisy and missing dates): every quote's tree is a tree; a later-dated document never
 * parents an earlier one; adding an unrelated document changes no edge; a credit overrides inference.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { tradition } from '../../../../bench/lineage/traditions';
import { dateOrder, parseDate } from '../../../../src/engine/lineage/dates';
import { computeLineage, type Lineage, type LineageInput } from '../../../../src/engine/lineage/lineage';
import { wordKeys } from '../../../../src/engine/normalize';
import { bundledPack } from '../../../support/corpus';

let sentences: string[] = [];
beforeAll(async () => {
  sentences = (await bundledPack()).groups.map((g) => g.consensus).filter((s) => wordKeys(s).length >= 8);
});

const options = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  copies: fc.integer({ min: 1, max: 30 }),
  rate: fc.constantFrom(0, 0.02, 0.05, 0.1, 0.3),
  quotes: fc.integer({ min: 1, max: 6 }),
  originalInCorpus: fc.boolean(),
});

const edges = (l: Lineage) => l.groups.flatMap((g) => g.tree.map((e) => `${g.group}:${e.document}<-${e.parent}`)).sort();

describe('lineage properties', () => {
  it('every tree has one root, no cycle, and each document of the group exactly once; later never parents earlier', () => {
    fc.assert(
      fc.property(options, (o) => {
        const t = tradition(sentences, o);
        const lineage = computeLineage({ groups: t.groups, documents: t.documents });
        const dates = new Map(t.documents.map((d) => [d.id, parseDate(d.published)]));
        for (const g of lineage.groups) {
          const group = t.groups.find((x) => x.id === g.group)!;
          const docs = [...new Set(group.variants.map((v) => v.document))].sort();
          expect(g.tree.map((e) => e.document).sort()).toEqual(docs);
          const parent = new Map(g.tree.map((e) => [e.document, e.parent ?? g.original]));
          const roots = g.tree.filter((e) => (e.parent ?? g.original) === g.original || e.document === g.original);
          expect(roots.length).toBeGreaterThan(0);
          for (const e of g.tree) {
            // Walk up: must reach the root (null / the original) without meeting a node twice.
            const seen = new Set<string>();
            let x: string | null = e.document;
            while (x !== null && x !== g.original) {
              expect(seen.has(x)).toBe(false);
              seen.add(x);
              x = parent.get(x) ?? null;
            }
            if (e.parent !== null) {
              expect(docs).toContain(e.parent);
              expect(dateOrder(dates.get(e.parent)!, dates.get(e.document)!)).not.toBe('after');
            }
            expect(e.confidence).toBeGreaterThanOrEqual(0);
            expect(e.confidence).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('adding an unrelated document (quoting other words) changes no edge and no closest relative', () => {
    fc.assert(
      fc.property(options, fc.integer({ min: 0, max: 40 }), (o, at) => {
        const t = tradition(sentences, o);
        const input: LineageInput = { groups: t.groups, documents: t.documents };
        const before = computeLineage(input);
        const other = { id: 'unrelated', outlet: 'Elsewhere', published: '2022-10-01', text: 'As first reported by Outlet c01, nothing.' };
        const documents = [...t.documents];
        documents.splice(Math.min(at, documents.length), 0, other);
        const groups = [...t.groups];
        groups.splice(Math.min(at, groups.length), 0, {
          id: 'other-quote',
          speaker: 'Someone Else',
          source: null,
          consensus: 'Words nobody else in this corpus ever said.',
          variants: [
            { document: 'unrelated', text: 'Words nobody else in this corpus ever said.', start: 0, end: 43, change: ['identical'] },
          ],
        });
        const after = computeLineage({ groups, documents });
        expect(edges({ ...after, groups: after.groups.filter((g) => g.group !== 'other-quote') })).toEqual(edges(before));
        expect(after.documents.filter((d) => d.document !== 'unrelated')).toEqual(before.documents);
      }),
      { numRuns: 40 },
    );
  });

  it('a credit overrides inference whatever the readings say, unless the credited article is dated later', () => {
    fc.assert(
      fc.property(options, (o) => {
        const t = tradition(sentences, { ...o, copies: Math.max(3, o.copies) });
        const docs = t.documents.filter((d) => d.id !== t.original);
        const child = docs[docs.length - 1]!;
        const credited = docs.find(
          (d) =>
            d.id !== child.id &&
            t.groups.some((g) => g.variants.some((v) => v.document === d.id) && g.variants.some((v) => v.document === child.id)),
        );
        if (!credited) return;
        const documents = t.documents.map((d) => (d.id === child.id ? { ...d, text: `Via ${credited.outlet}.` } : d));
        const lineage = computeLineage({ groups: t.groups, documents });
        const later = dateOrder(parseDate(credited.published), parseDate(child.published)) === 'after';
        for (const g of lineage.groups) {
          const e = g.tree.find((x) => x.document === child.id);
          if (!e || !g.tree.some((x) => x.document === credited.id)) continue;
          if (later) expect(e.credited).toBe(false);
          else expect(e).toMatchObject({ parent: credited.id, credited: true, confidence: 1 });
        }
      }),
      { numRuns: 40 },
    );
  });
});
