import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from '../../../src/cli/scan';
import { CliError } from '../../../src/cli/command';
import { FIXTURES } from '../engine/match/fixture-eval';
import { packOf } from '../engine/match/pack-helper';

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io = { stdout: { write: (c: string) => (out += c) }, stderr: { write: () => true } };
  const code = await command(args, io);
  return { code, out };
}

const tmp = mkdtempSync(join(tmpdir(), 'verbatim-scan-'));
const packFile = join(tmp, 'pack.json');
writeFileSync(packFile, JSON.stringify(packOf([['None of that was in the script and he did it on my close-up.']])));

describe('verbatim scan', () => {
  it('prints exactly the documented JSON for one file', async () => {
    const { code, out } = await run([join(FIXTURES, 'photo-gallery.html'), '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(r)).toEqual(['file', 'topic', 'quotes']);
    const topic = r.topic as Record<string, unknown>;
    expect(Object.keys(topic)).toEqual(['match', 'score', 'signals']);
    expect(topic.match).toBe(true);
    const quotes = r.quotes as Record<string, unknown>[];
    expect(quotes).toHaveLength(1);
    expect(Object.keys(quotes[0]!)).toEqual(['text', 'start', 'end', 'group', 'speaker', 'similarity', 'outlets']);
    const outlets = quotes[0]!.outlets as Record<string, unknown>[];
    expect(Object.keys(outlets[0]!)).toEqual(['document', 'outlet', 'text', 'change']);
    expect(quotes[0]!.text).toBe('None of that was in the script and he did it on my close-up');
  });

  it('prints an array for several files, and reads text files as they are (title = first line)', async () => {
    const txt = join(tmp, 'page.txt');
    writeFileSync(
      txt,
      'Mad Men: Peggy Olson and Don Draper\n\nShe said none of that was in the script and he did it on my close-up, laughing.\n',
    );
    const { out } = await run(['--json', join(FIXTURES, 'common-phrases.html'), txt, '--pack', packFile]);
    const rs = JSON.parse(out) as { file: string; topic: { match: boolean }; quotes: { text: string; start: number; end: number }[] }[];
    expect(rs.map((r) => r.file)).toEqual([join(FIXTURES, 'common-phrases.html'), txt]);
    expect(rs[0]!.quotes).toEqual([]);
    expect(rs[1]!.topic.match).toBe(true);
    expect(rs[1]!.quotes[0]!.text).toBe('none of that was in the script and he did it on my close-up');
    expect(rs[1]!.quotes[0]!.start).toBe('Mad Men: Peggy Olson and Don Draper\n\nShe said '.length);
  });

  it('prints a readable report by default', async () => {
    const { out } = await run([join(FIXTURES, 'taylor-swift-off-topic.html')]);
    expect(out).toContain('not a Mad Men article, but it quotes the corpus');
    expect(out).toContain('Lavender Haze');
  });

  it('fails naming the file when it is missing', async () => {
    await expect(run([join(tmp, 'missing.html')])).rejects.toThrow(/missing\.html: not found/);
    await expect(run([tmp])).rejects.toThrow(CliError);
  });

  it('several files: one that cannot be read is named on stderr, the others are still scanned (exit 1)', async () => {
    let err = '';
    let out = '';
    const io = { stdout: { write: (c: string) => (out += c) }, stderr: { write: (c: string) => ((err += c), true) } };
    const missing = join(tmp, 'missing.html');
    const code = await command(
      ['--json', join(FIXTURES, 'common-phrases.html'), missing, join(FIXTURES, 'taylor-swift-off-topic.html')],
      io,
    );
    expect(code).toBe(1);
    expect(err).toBe(`verbatim scan: file ${missing}: not found\n`);
    expect((JSON.parse(out) as { file: string }[]).map((r) => r.file)).toEqual([
      join(FIXTURES, 'common-phrases.html'),
      join(FIXTURES, 'taylor-swift-off-topic.html'),
    ]);
  });

  it('fails naming a bad pack file, and on usage errors', async () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, '{not json');
    await expect(run([join(FIXTURES, 'photo-gallery.html'), '--pack', bad])).rejects.toThrow(/bad\.json/);
    await expect(run([])).rejects.toThrow(/no file/);
    await expect(run(['--frobnicate', 'x'])).rejects.toThrow(/unknown option/);
  });
});

describe('verbatim scan: a quote interrupted by a block of other text', () => {
  it('lists the parts that are the quote, leaving the ad out', async () => {
    const { out } = await run([join(FIXTURES, 'transcript-split.html'), '--json']);
    const r = JSON.parse(out) as { quotes: { text: string; parts?: { start: number; end: number }[] }[] };
    const split = r.quotes.find((q) => q.text.startsWith('None of that'));
    expect(split?.text).toBe('None of that was in the script and he did it on my close-up');
    expect(split?.parts).toHaveLength(2);
    expect(r.quotes.filter((q) => q.parts === undefined).length).toBeGreaterThan(0);
  });
});
