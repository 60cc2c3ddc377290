/** The shipped corpus is data: its manifest and its files must agree, and the texts stay as captured. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/repo';

const CORPUS = resolve(ROOT, 'assets/corpus');
const SHARED = resolve(ROOT, '../shared/corpus');

interface Manifest {
  topic: string;
  documents: { id: string; file: string; outlet: string; url: string | null }[];
}

const manifest = JSON.parse(readFileSync(resolve(CORPUS, 'corpus.json'), 'utf8')) as Manifest;
const articleFiles = readdirSync(CORPUS).filter((f) => !f.endsWith('.json') && !f.startsWith('.'));

describe('shipped corpus', () => {
  it('has a file for every manifest document', () => {
    for (const doc of manifest.documents) expect(existsSync(resolve(CORPUS, doc.file)), doc.file).toBe(true);
  });

  it('lists every article file it ships, once, under a unique id', () => {
    const ids = manifest.documents.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(manifest.documents.map((d) => d.file).sort()).toEqual(articleFiles.sort());
  });

  it('names an outlet for every document', () => {
    for (const doc of manifest.documents) expect(doc.outlet.trim()).not.toBe('');
  });

  it.runIf(existsSync(SHARED))('is byte-for-byte the shared corpus it was copied from', () => {
    for (const file of ['corpus.json', ...articleFiles]) {
      expect(readFileSync(resolve(CORPUS, file)).equals(readFileSync(resolve(SHARED, file))), file).toBe(true);
    }
  });
});
