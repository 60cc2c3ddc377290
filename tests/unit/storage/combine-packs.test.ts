import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildActivePack, combinePacks, packWithUserDocuments } from '../../../src/storage/combine-packs';
import type { CorpusSource } from '../../../src/engine/corpus/manifest';
import type { Pack } from '../../../src/engine/types';
import { buildPackFromDir, loadCorpusDir } from '../../../src/node/corpus-dir';
import type { UserDocument } from '../../../src/storage/packs';

let pack: Pack;
let source: CorpusSource;
beforeAll(async () => {
  [pack, source] = await Promise.all([buildPackFromDir('assets/corpus'), loadCorpusDir('assets/corpus')]);
});

const page = (text: string): UserDocument => ({
  id: 'user-1',
  outlet: 'Variety',
  site: 'variety.com',
  url: 'https://variety.com/x',
  title: 'T',
  published: null,
  text,
  added: 1,
});

describe('the active pack', () => {
  it('is the bundled pack itself when the user added and imported nothing', () => {
    expect(buildActivePack(pack, source, [], [])).toBe(pack);
  });
  it('an added page joins the existing quote groups with its own wording', () => {
    const text = readFileSync('assets/corpus/indiewire.txt', 'utf8').replace('real tears', 'genuine tears');
    const withPage = packWithUserDocuments(pack, source, [page(text)]);
    expect(withPage.documents.at(-1)!.outlet).toBe('Variety');
    const joined = withPage.groups.filter(
      (g) => g.variants.some((v) => v.document === 'user-1') && g.variants.some((v) => v.document !== 'user-1'),
    );
    expect(joined.length).toBeGreaterThan(5);
    expect(withPage.groups.some((g) => g.variants.some((v) => v.document === 'user-1' && v.text.includes('genuine tears')))).toBe(true);
    // Group ids hash the consensus words, so the bundled groups keep their ids.
    expect(pack.groups.filter((g) => withPage.groups.some((x) => x.id === g.id)).length).toBeGreaterThan(pack.groups.length / 2);
  });
  it('a page without any quote is refused', () => {
    expect(() => packWithUserDocuments(pack, source, [page('Nothing quoted here at all. Just prose about cycle lanes.')])).toThrow(
      /no quotes found/,
    );
  });
  it('imported packs are appended with ids prefixed by their pack id', () => {
    const other = { ...structuredClone(pack), id: 'other' };
    const merged = combinePacks(pack, [other]);
    expect(merged.documents.length).toBe(pack.documents.length * 2);
    expect(merged.documents.slice(pack.documents.length).every((d) => d.id.startsWith('other/'))).toBe(true);
    const ids = merged.groups.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(merged.groups.slice(pack.groups.length).every((g) => g.variants.every((v) => v.document.startsWith('other/')))).toBe(true);
    expect(merged.topic).toBe(pack.topic);
  });
});
