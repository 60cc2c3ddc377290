/** validatePack (hand-written, used at run time) and docs/pack.schema.json (checked here with ajv) agree on the bundled pack. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { MAX_GROUPS, MAX_PACK_BYTES, validatePack } from '../../../../src/engine/corpus/validate-pack';
import type { Pack, QuoteGroup } from '../../../../src/engine/types';
import { buildPackFromDir } from '../../../../src/node/corpus-dir';
import { ROOT } from '../../../support/repo';

const root = ROOT;
const pack = await buildPackFromDir(resolve(root, 'assets/corpus'));
const clone = (): Pack => structuredClone(pack);
const errorsOf = (value: unknown, size?: number): string[] => {
  const r = validatePack(value, size);
  return r.ok ? [] : r.errors;
};

describe('docs/pack.schema.json', () => {
  it('accepts the bundled generated pack', () => {
    const schema = JSON.parse(readFileSync(resolve(root, 'docs/pack.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(JSON.parse(JSON.stringify(pack))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('agrees with validatePack on a document’s optional origin and read date', () => {
    const schema = JSON.parse(readFileSync(resolve(root, 'docs/pack.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const withDoc = (extra: object) => {
      const p = clone();
      Object.assign(p.documents[0]!, extra);
      return JSON.parse(JSON.stringify(p)) as unknown;
    };
    for (const good of [
      { origin: 'learned', read: '2024-03-16' },
      { origin: 'bundled' },
      { read: '2022-11-01' },
      { read: '2026-11-30T02:22:58.123Z' },
      { primary: true },
    ]) {
      expect(validate(withDoc(good)), JSON.stringify(good)).toBe(true);
      expect(validatePack(withDoc(good)).ok, JSON.stringify(good)).toBe(true);
    }
    for (const bad of [
      { origin: 'downloaded' },
      { read: '16/03/2024' },
      { read: 'March 16, 2024' },
      { read: 20240316 },
      { origin: null },
      { primary: 'yes' },
    ]) {
      expect(validate(withDoc(bad)), JSON.stringify(bad)).toBe(false);
      expect(validatePack(withDoc(bad)).ok, JSON.stringify(bad)).toBe(false);
    }
    // ISO-shaped but no such day: only the run-time check can tell.
    expect(validatePack(withDoc({ read: '2024-13-45' })).ok).toBe(false);
  });
});

describe('validatePack', () => {
  it('accepts the bundled pack', () => {
    expect(validatePack(JSON.parse(JSON.stringify(pack)))).toMatchObject({ ok: true });
  });

  it('rejects a wrong format or version, naming the field', () => {
    expect(errorsOf({ ...clone(), format: 'other' })).toEqual(['format: must be "verbatim-pack", got "other"']);
    expect(errorsOf({ ...clone(), version: 2 })[0]).toMatch(/^version: unsupported version 2/);
  });

  it('rejects a wrong shape with the path of the problem', () => {
    const p = clone() as unknown as { groups: { variants: unknown[] }[] };
    p.groups[1]!.variants[0] = { document: 'nme', text: 'x', start: 'a', end: 1, change: [] };
    expect(errorsOf(p)).toEqual([
      'groups[1].variants[0]: start and end must be non-negative integers',
      'groups[1].variants[0].change: must be a non-empty array',
    ]);
    expect(errorsOf(null)).toEqual(['pack: must be a JSON object']);
  });

  it('rejects duplicate ids and variants of unknown documents', () => {
    const p = clone();
    p.groups[1]!.id = p.groups[0]!.id;
    p.groups[2]!.variants[0]!.document = 'nowhere';
    expect(errorsOf(p)).toEqual([
      `groups[1].id: duplicate group id "${p.groups[0]!.id}"`,
      'groups[2].variants[0].document: refers to unknown document "nowhere"',
    ]);
  });

  it('rejects offsets that do not fit the wording', () => {
    const p = clone();
    p.groups[0]!.variants[0]!.end += 3;
    expect(errorsOf(p)[0]).toMatch(/^groups\[0\]\.variants\[0\]: offsets out of range/);
  });

  it('rejects oversized packs', () => {
    expect(errorsOf(clone(), MAX_PACK_BYTES + 1)[0]).toMatch(/^pack: too large/);
    const p = clone();
    p.groups = new Array<QuoteGroup>(MAX_GROUPS + 1).fill(p.groups[0]!);
    expect(errorsOf(p)).toEqual([`groups: too many groups: ${MAX_GROUPS + 1} (limit ${MAX_GROUPS})`]);
  });
});
