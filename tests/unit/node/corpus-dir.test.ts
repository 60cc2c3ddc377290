/** Reading corpus folders: every bad input gives one message naming the file. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackFromDir, loadCorpusDir } from '../../../src/node/corpus-dir';
import { ROOT } from '../../support/repo';

const manifest = (docs: object[], extra: object = {}): string => JSON.stringify({ topic: 'Test', documents: docs, ...extra });
const doc = (id: string, file = `${id}.txt`) => ({ id, file, outlet: id, site: null, url: null, title: null, published: null });

function corpus(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-corpus-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('loadCorpusDir / buildPackFromDir', () => {
  it('loads the bundled corpus with its topic spec', async () => {
    const src = await loadCorpusDir(resolve(ROOT, 'assets/corpus'));
    expect(src.manifest.documents).toHaveLength(4);
    expect(src.topic?.name).toBe('Mad Men');
  });

  it('uses a minimal topic spec when there is no topic.json', async () => {
    const dir = corpus({ 'corpus.json': manifest([doc('a')]), 'a.txt': '“It all felt very real,” Moss said.' });
    const pack = await buildPackFromDir(dir);
    expect(pack.topic).toEqual({ name: 'Test', signals: [{ term: 'Test', kind: 'title', weight: 1 }], weights: {}, thresholds: {} });
    expect(pack.id).toBe('test');
  });

  it('missing folder', async () => {
    await expect(loadCorpusDir('/nonexistent/corpus')).rejects.toThrow('/nonexistent/corpus: corpus folder not found');
  });

  it('missing manifest', async () => {
    const dir = corpus({});
    await expect(loadCorpusDir(dir)).rejects.toThrow(`${join(dir, 'corpus.json')}: manifest not found`);
  });

  it('malformed manifest JSON names the JSON problem', async () => {
    const dir = corpus({ 'corpus.json': '{"topic": "x",' });
    await expect(loadCorpusDir(dir)).rejects.toThrow(/corpus\.json: malformed JSON: /);
  });

  it('unknown and missing fields', async () => {
    const dir = corpus({
      'corpus.json': JSON.stringify({ topic: 'x', colour: 'red', documents: [{ id: 'a', file: 'a.txt', outlt: 'A' }] }),
    });
    await expect(loadCorpusDir(dir)).rejects.toThrow(
      /corpus\.json: malformed manifest: unknown field "colour"; unknown field "documents\[0\]\.outlt"; documents\[0\]\.outlet must be a non-empty string/,
    );
  });

  it('missing article file', async () => {
    const dir = corpus({ 'corpus.json': manifest([doc('a')]) });
    await expect(loadCorpusDir(dir)).rejects.toThrow(`${join(dir, 'a.txt')}: article file not found`);
  });

  it('invalid UTF-8', async () => {
    const dir = corpus({ 'corpus.json': manifest([doc('a')]), 'a.txt': Buffer.from([0x22, 0x48, 0xff, 0xfe, 0x22]) });
    await expect(loadCorpusDir(dir)).rejects.toThrow(`${join(dir, 'a.txt')}: article file is not valid UTF-8 text`);
  });

  it('an article with no quotes', async () => {
    const dir = corpus({
      'corpus.json': manifest([doc('a'), doc('b')]),
      'a.txt': '“It all felt very real,” Moss said.',
      'b.txt': 'Nothing quoted here.',
    });
    await expect(buildPackFromDir(dir)).rejects.toThrow(`${join(dir, 'b.txt')}: no quotes found in this article`);
  });

  it('reads HTML articles as the text a browser shows', async () => {
    const html =
      '<html><body><h1>Title</h1><p>“It all felt very real,” Moss said.</p><script>var x = "not text at all here";</script></body></html>';
    const dir = corpus({ 'corpus.json': manifest([doc('a', 'a.html')]), 'a.html': html });
    const src = await loadCorpusDir(dir);
    expect(src.texts.a).toContain('“It all felt very real,” Moss said.');
    expect(src.texts.a).not.toContain('not text');
    expect(readFileSync(join(dir, 'a.html'), 'utf8')).toBe(html);
  });
});
