import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackFromDir } from '../../../src/node/corpus-dir';
import { MAX_PACK_BYTES } from '../../../src/engine/corpus/validate-pack';
import type { Pack } from '../../../src/engine/types';
import { checkImport } from '../../../src/options/pack-file';

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
  it('keeps where a document came from and when it was read (an exported corpus)', () => {
    const exported = {
      ...other(),
      documents: other().documents.map((d) => ({ ...d, origin: 'learned', read: '2026-11-30T10:00:00.000Z' })),
    };
    const text = JSON.stringify(exported);
    const r = checkImport(text, text.length, []);
    expect(r.ok && r.pack.documents[0]).toMatchObject({ origin: 'learned', read: '2026-11-30T10:00:00.000Z' });
  });
  it('refuses truncated JSON, naming it', () => {
    const text = JSON.stringify(other()).slice(0, 300);
    const r = checkImport(text, text.length, []);
    expect(r).toMatchObject({ ok: false, refusal: { kind: 'not-json' } });
    expect(!r.ok && r.errors[0]).toMatch(/^file: not valid JSON/);
  });
  it('refuses oversized files before parsing', () => {
    const r = checkImport('{}', MAX_PACK_BYTES + 1, []);
    expect(r).toMatchObject({ ok: false, refusal: { kind: 'too-large', bytes: MAX_PACK_BYTES + 1, limit: MAX_PACK_BYTES } });
    expect(!r.ok && r.errors[0]).toMatch(/too large/);
  });
  it('refuses wrong version, wrong shape and duplicate ids with every reason', () => {
    const bad = other() as unknown as Record<string, unknown> & { groups: { id: string }[]; documents: unknown[] };
    bad.version = 2;
    bad.groups[1]!.id = bad.groups[0]!.id;
    bad.documents.push(42);
    const text = JSON.stringify(bad);
    const r = checkImport(text, text.length, []);
    expect(r).toMatchObject({ ok: false, refusal: { kind: 'invalid' } });
    const errors = !r.ok ? r.errors.join('\n') : '';
    expect(errors).toContain('version: unsupported version 2');
    expect(errors).toContain('duplicate group id');
    expect(errors).toContain('documents[4]: must be an object');
  });
  it('refuses an id already in use', () => {
    const text = JSON.stringify(pack);
    const r = checkImport(text, text.length, [pack.id]);
    expect(r).toMatchObject({ ok: false, refusal: { kind: 'taken', id: pack.id } });
    expect(!r.ok && r.errors[0]).toMatch(/already in your corpus/);
  });
  it('tells a JSON file that is not a pack at all from a broken pack', () => {
    for (const value of [{ name: 'my-settings', colours: ['#fff'] }, [1, 2, 3], 'a string', null]) {
      const text = JSON.stringify(value);
      expect(checkImport(text, text.length, [])).toMatchObject({ ok: false, refusal: { kind: 'not-pack' } });
    }
  });
});
