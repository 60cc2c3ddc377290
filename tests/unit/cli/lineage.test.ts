import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../../src/cli/command';
import { command } from '../../../src/cli/lineage';
import { buildPackFromDir } from '../../../src/node/corpus-dir';
import { CORPUS_DIR } from '../../support/corpus';
import { FOLLOWER, followerPage } from '../../support/lineage-pages';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { stdout: { write: (c: string) => (out += c) }, stderr: { write: (c: string) => ((err += c), true) } };
  const code = await command(args, io);
  return { code, out, err };
}

const tmp = mkdtempSync(join(tmpdir(), 'verbatim-lineage-'));
const copycat = join(tmp, 'copycat.html');
writeFileSync(copycat, followerPage());

interface Json {
  documents: { id: string; outlet: string; url: string | null; date: string | null; closest: Record<string, unknown> | null }[];
  groups: {
    id: string;
    speaker: string | null;
    original: string | null;
    tree: Record<string, unknown>[];
    meaning: Record<string, unknown>[];
  }[];
}

describe('verbatim lineage', () => {
  it('prints the documented JSON for the bundled corpus', async () => {
    const { code, out } = await run(['--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as Json;
    expect(Object.keys(json)).toEqual(['documents', 'groups']);
    expect(json.documents.map((d) => d.id)).toEqual(['nme', 'thenews', 'indiewire', 'slashfilm']);
    for (const d of json.documents) expect(Object.keys(d)).toEqual(['id', 'outlet', 'url', 'date', 'closest']);
    const film = json.documents.find((d) => d.id === 'slashfilm')!;
    expect(Object.keys(film.closest!)).toEqual(['document', 'shared', 'against', 'confidence']);
    expect(film.closest!['document']).toBe('thenews');
    for (const g of json.groups) {
      expect(Object.keys(g)).toEqual(['id', 'speaker', 'original', 'tree', 'meaning']);
      for (const e of g.tree) expect(Object.keys(e)).toEqual(['document', 'parent', 'confidence', 'evidence']);
      for (const m of g.meaning) expect(Object.keys(m)).toEqual(['document', 'kind', 'words', 'detail']);
    }
    const pack = await buildPackFromDir(CORPUS_DIR);
    expect(json.groups.map((g) => g.id)).toEqual(pack.groups.map((g) => g.id));
  });

  it('--add reads a saved page as the extension does, dates it from its metadata, regroups it with the corpus and names whom it follows', async () => {
    const { code, out } = await run(['--add', copycat, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as Json;
    const added = json.documents.find((d) => d.id === 'copycat')!;
    expect(added).toMatchObject({ outlet: FOLLOWER.outlet, date: FOLLOWER.published });
    expect(added.closest).toMatchObject({ document: 'slashfilm', against: 0 });
    expect(added.closest!['shared']).toBeGreaterThanOrEqual(3);
    const meaning = json.groups.flatMap((g) => g.meaning).filter((m) => m['document'] === 'copycat');
    expect(meaning).toContainEqual(expect.objectContaining({ kind: 'negation', words: 'not' }));
    const text = (await run(['--add', copycat])).out;
    expect(text).toContain(`${FOLLOWER.outlet} [copycat] (${FOLLOWER.published}): follows /Film`);
  });

  it('--add with pages that hold no quote or no article: each named on stderr, the rest compared, exit 0', async () => {
    const spun = join(tmp, 'spun.html');
    const words = 'The actress spoke at length about the show and her years on it, in her own words and in none of theirs. ';
    writeFileSync(
      spun,
      `<!doctype html><html><head><title>Moss looks back</title></head><body><article><h1>Moss looks back</h1><p>${words.repeat(5)}</p></article></body></html>`,
    );
    const menu = join(tmp, 'menu.html');
    writeFileSync(menu, '<html><body><nav><a href="/">Home</a></nav></body></html>');
    const { code, out, err } = await run(['--add', spun, copycat, menu, '--json']);
    expect(code).toBe(0);
    expect(err).toContain('verbatim lineage: spun.html: no quotes found in this article, left out\n');
    expect(err).toContain(`verbatim lineage: ${menu}: no article found in this page, left out\n`);
    const json = JSON.parse(out) as Json;
    expect(json.documents.map((d) => d.id)).toEqual(['nme', 'thenews', 'indiewire', 'slashfilm', 'copycat']);
    expect(json.documents.find((d) => d.id === 'copycat')!.closest).toMatchObject({ document: 'slashfilm' });
    await expect(run(['--add', copycat, join(tmp, 'missing.html')])).rejects.toThrow(/missing\.html: file not found/);
  });

  it('--add with a page and its AMP copy: the two name each other, vote once, and the outlet they copy keeps its wording', async () => {
    const canonical = '<head><link rel="canonical" href="https://screendigest.example/moss-hamm">';
    const story = join(tmp, 'story.html');
    const amp = join(tmp, 'story-amp.html');
    writeFileSync(story, followerPage().replace('<head>', canonical));
    writeFileSync(amp, followerPage().replace('<html', '<html amp').replace('<head>', canonical));
    const { code, out } = await run(['--add', story, amp, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as Json;
    const closest = Object.fromEntries(json.documents.map((d) => [d.id, d.closest?.['document'] ?? null]));
    expect(closest).toMatchObject({ story: 'story-amp', 'story-amp': 'story' });
    // Two addresses of one copy do not make /Film's "not" look like /Film's addition.
    expect(['story', 'story-amp']).not.toContain(closest['slashfilm']);
    const negations = json.groups.flatMap((g) => g.meaning).filter((m) => m['kind'] === 'negation');
    expect(negations.map((m) => m['document']).sort()).toEqual(['story', 'story-amp']);
  });

  it('--pack works for the pack’s own groups; --add with --pack says it is not supported yet (exit 2)', async () => {
    const packFile = join(tmp, 'pack.json');
    writeFileSync(packFile, JSON.stringify(await buildPackFromDir(CORPUS_DIR)));
    const { code, out } = await run(['--pack', packFile, '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(out) as Json).documents).toHaveLength(4);
    const refused = await run(['--pack', packFile, '--add', copycat]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CliError);
    expect((refused as CliError).exitCode).toBe(2);
    expect((refused as CliError).message).toMatch(/not supported yet/);
    await expect(run(['--add'])).rejects.toBeInstanceOf(CliError);
    const clash = join(tmp, 'nme.txt');
    writeFileSync(clash, '"I had a very close relationship with Jon," she said.');
    await expect(run(['--add', clash])).rejects.toThrow(/already a corpus document/);
  });
});
