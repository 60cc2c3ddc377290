/** `verbatim build-pack DIR -o FILE`: writes a valid pack; bad input → one clear line, non-zero, nothing written. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePack } from '../../../src/engine/corpus/validate-pack';
import { runCli } from './run-cli';
import { ROOT } from '../../support/repo';

describe('verbatim build-pack', () => {
  it('builds a valid pack that `quotes --pack` reads back', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'verbatim-out-')), 'pack.json');
    const r = runCli(['build-pack', resolve(ROOT, 'assets/corpus'), '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(validatePack(JSON.parse(readFileSync(out, 'utf8')))).toMatchObject({ ok: true });
    const q = runCli(['quotes', '--json', '--pack', out]);
    expect(q.status, q.stderr).toBe(0);
    const groups = (stdout: string) => (JSON.parse(stdout) as { groups: unknown[] }).groups;
    expect(groups(q.stdout)).toEqual(groups(runCli(['quotes', '--json']).stdout));
  });

  it('bad input: message names the file, exit 1, no output and no temp file left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-bad-'));
    writeFileSync(join(dir, 'corpus.json'), '{"topic": "x", "documents": [ {"id": "a", }] }');
    const outDir = mkdtempSync(join(tmpdir(), 'verbatim-out-'));
    const r = runCli(['build-pack', dir, '-o', join(outDir, 'pack.json')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^verbatim build-pack: ${join(dir, 'corpus.json')}: malformed JSON: .+\\n$`));
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('a failed rebuild leaves the previous pack untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'verbatim-bad-'));
    writeFileSync(
      join(dir, 'corpus.json'),
      JSON.stringify({
        topic: 'x',
        documents: [{ id: 'a', file: 'a.txt', outlet: 'A', site: null, url: null, title: null, published: null }],
      }),
    );
    writeFileSync(join(dir, 'a.txt'), 'No quotes in this article.');
    const out = join(mkdtempSync(join(tmpdir(), 'verbatim-out-')), 'pack.json');
    writeFileSync(out, 'previous');
    const r = runCli(['build-pack', dir, '-o', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'a.txt')}: no quotes found in this article`);
    expect(readFileSync(out, 'utf8')).toBe('previous');
    expect(existsSync(`${out}.tmp`)).toBe(false);
  });

  it('missing -o is a usage error', () => {
    expect(runCli(['build-pack', 'assets/corpus']).status).toBe(2);
  });
});
