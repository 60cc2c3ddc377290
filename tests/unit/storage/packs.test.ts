import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { buildPackFromDir } from '../../../src/node/corpus-dir';
import { MAX_PACK_BYTES } from '../../../src/engine/corpus/validate-pack';
import type { Pack } from '../../../src/engine/types';
import { IMPORTED_KEY, addImportedPack, checkImport, loadImportedPacks, removeImportedPack } from '../../../src/storage/packs';

let pack: Pack;
beforeAll(async () => {
  pack = await buildPackFromDir('assets/corpus');
});

const other = () => ({ ...structuredClone(pack), id: 'other' });

describe('checkImport', () => {
  it('accepts a valid pack and keeps only the fields a pack defines', () => {
    const withJunk = { ...other(), evil: '<script>', documents: other().documents.map((d) => ({ ...d, onclick: 'x' })) };
    const text = JSON.stringify(withJunk);
    const r = checkImport(text, text.length, [pack.id]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pack.id).toBe('other');
    expect('evil' in r.pack).toBe(false);
    expect(r.pack.documents.every((d) => !('onclick' in d))).toBe(true);
    expect(r.pack.groups).toEqual(pack.groups);
  });
  it('refuses truncated JSON, naming it', () => {
    const text = JSON.stringify(other()).slice(0, 300);
    const r = checkImport(text, text.length, []);
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.errors[0]).toMatch(/^file: not valid JSON/);
  });
  it('refuses oversized files before parsing', () => {
    const r = checkImport('{}', MAX_PACK_BYTES + 1, []);
    expect(!r.ok && r.errors[0]).toMatch(/too large/);
  });
  it('refuses wrong version, wrong shape and duplicate ids with every reason', () => {
    const bad = other() as unknown as Record<string, unknown> & { groups: { id: string }[]; documents: unknown[] };
    bad.version = 2;
    bad.groups[1]!.id = bad.groups[0]!.id;
    bad.documents.push(42);
    const text = JSON.stringify(bad);
    const r = checkImport(text, text.length, []);
    expect(r.ok).toBe(false);
    const errors = !r.ok ? r.errors.join('\n') : '';
    expect(errors).toContain('version: unsupported version 2');
    expect(errors).toContain('duplicate group id');
    expect(errors).toContain('documents[4]: must be an object');
  });
  it('refuses an id already in use', () => {
    const text = JSON.stringify(pack);
    const r = checkImport(text, text.length, [pack.id]);
    expect(!r.ok && r.errors[0]).toMatch(/already in your corpus/);
  });
});

describe('imported packs in storage', () => {
  beforeEach(() => fakeBrowser.reset());
  it('adds, lists and removes; a stored pack that no longer validates is ignored', async () => {
    await addImportedPack(other());
    expect((await loadImportedPacks()).map((p) => p.id)).toEqual(['other']);
    await fakeBrowser.storage.local.set({ [IMPORTED_KEY]: [other(), { format: 'nope' }] });
    expect((await loadImportedPacks()).map((p) => p.id)).toEqual(['other']);
    await removeImportedPack('other');
    expect(await loadImportedPacks()).toEqual([]);
  });
});
