/**
 * How `buildPack` grows with corpus size: 100, 1 000 and 10 000 generated articles.
 * Prints a table and writes bench/results/build-pack.json. Grouping uses an inverted index, so
 * time per article should stay about flat (linear growth), not grow with the corpus (quadratic).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildPack } from '../src/engine/corpus/build-pack';
import { generateCorpus } from './corpus-generator';

const SIZES: { articles: number; runs: number }[] = [
  { articles: 100, runs: 5 },
  { articles: 1_000, runs: 3 },
  { articles: 10_000, runs: 1 },
];

interface Row {
  articles: number;
  sentences: number;
  groups: number;
  ms: number;
  msPerArticle: number;
  ratioVs100: number;
}

export async function run(): Promise<void> {
  const rows: Row[] = [];
  buildPack(generateCorpus(300, 7)); // warm the JIT so the first size is not measured cold
  for (const { articles, runs } of SIZES) {
    const source = generateCorpus(articles, 42);
    const times: number[] = [];
    let sentences = 0;
    let groups = 0;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const pack = buildPack(source);
      times.push(performance.now() - t0);
      sentences = pack.groups.reduce((n, g) => n + g.variants.length, 0);
      groups = pack.groups.length;
    }
    const ms = median(times);
    rows.push({ articles, sentences, groups, ms: round(ms), msPerArticle: round(ms / articles, 3), ratioVs100: 0 });
  }
  const base = rows[0]!.ms;
  for (const row of rows) row.ratioVs100 = round(row.ms / base, 1);
  printTable(rows);
  const cli = cliOnDisk(10_000);
  console.log(
    `verbatim build-pack on ${cli.articles} article files: exit ${cli.exit}, ${cli.groups} groups, ${cli.ms} ms wall (incl. reading files and Node start-up)`,
  );
  const out = resolve(import.meta.dirname, 'results/build-pack.json');
  mkdirSync(resolve(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(out, JSON.stringify({ benchmark: 'build-pack', node: process.version, seed: 42, rows, cli }, null, 2) + '\n');
  console.log(`wrote ${out}`);
}

/** The real CLI, end to end, on a generated corpus folder written to disk. */
function cliOnDisk(articles: number): { articles: number; exit: number | null; groups: number; ms: number } {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-corpus-'));
  try {
    const source = generateCorpus(articles, 42);
    const documents = source.manifest.documents.map((d) => ({ ...d, file: `${d.id}.txt` }));
    for (const d of documents) writeFileSync(join(dir, d.file), source.texts[d.id]!);
    writeFileSync(join(dir, 'corpus.json'), JSON.stringify({ topic: source.manifest.topic, documents }));
    const out = join(dir, 'pack.json');
    const t0 = performance.now();
    const result = spawnSync(process.execPath, [resolve(import.meta.dirname, '../bin/verbatim.mjs'), 'build-pack', dir, '-o', out], {
      encoding: 'utf8',
    });
    const ms = round(performance.now() - t0);
    if (result.status !== 0) console.error(result.stderr);
    const groups = result.status === 0 ? (JSON.parse(readFileSync(out, 'utf8')) as { groups: unknown[] }).groups.length : 0;
    return { articles, exit: result.status, groups, ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(rows: Row[]): void {
  console.log('articles  sentences  groups        ms  ms/article  ratio vs 100');
  for (const r of rows) {
    console.log(
      `${String(r.articles).padStart(8)}  ${String(r.sentences).padStart(9)}  ${String(r.groups).padStart(6)}  ${r.ms.toFixed(0).padStart(8)}  ${r.msPerArticle.toFixed(3).padStart(10)}  ${r.ratioVs100.toFixed(1).padStart(12)}`,
    );
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
