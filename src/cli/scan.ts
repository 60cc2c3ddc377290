/**
 * `verbatim scan FILE... [--json] [--pack FILE]`: topic verdict and corpus quotes of saved pages,
 * through the same `analysePage` the extension runs.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analysePage, type PageAnalysis } from '../engine/analyse';
import type { PageSample } from '../engine/types';
import { indexPack, type PackIndex } from '../engine/match/pack-index';
import type { Pack } from '../engine/types';
import { isHtmlFile } from '../node/saved-page';
import { documentsOfPage } from '../reading/page-url';
import { CliError, type CliIO, type Command } from './command';

/**
 * The package root (two levels above src/cli), so the bundled corpus is found from any cwd.
 * A string, not `new URL(...)`: test environments (happy-dom) replace the global URL class.
 */
function packageRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

const USAGE = 'usage: verbatim scan FILE... [--json] [--pack FILE]';

interface ScanArgs {
  files: string[];
  json: boolean;
  pack: string | null;
}

/** The `--json` shape, field order included. */
interface ScanResult {
  file: string;
  topic: { match: boolean; score: number; signals: PageAnalysis['topic']['signals'] };
  quotes: {
    text: string;
    start: number;
    end: number;
    /** Only when the quote is interrupted by a block of other text (an ad, a timestamp): the pieces that are the quote. */
    parts?: { start: number; end: number }[];
    group: string;
    speaker: string | null;
    similarity: number;
    outlets: { document: string; outlet: string; text: string; change: string[] }[];
  }[];
}

function parseArgs(args: string[]): ScanArgs {
  const out: ScanArgs = { files: [], json: false, pack: null };
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === '--json') out.json = true;
    else if (a === '--pack') {
      const value = args[++k];
      if (!value) throw new CliError(`--pack needs a file\n${USAGE}`, 2);
      out.pack = value;
    } else if (a.startsWith('--pack=')) out.pack = a.slice('--pack='.length);
    else if (a.startsWith('-') && a !== '-') throw new CliError(`unknown option "${a}"\n${USAGE}`, 2);
    else out.files.push(a);
  }
  if (out.files.length === 0) throw new CliError(`no file to scan\n${USAGE}`, 2);
  return out;
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'not found' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? 'error'})`;
    throw new CliError(`${what} ${path}: ${why}`);
  }
}

async function loadPack(path: string | null): Promise<Pack> {
  if (path === null) {
    const { buildPackFromDir } = await import('../node/corpus-dir');
    try {
      return await buildPackFromDir(join(packageRoot(), 'assets', 'corpus'));
    } catch (error) {
      // Corpus errors already name the file at fault; show them as one line, not a stack trace.
      if (error instanceof Error && error.name === 'CorpusInputError') throw new CliError(`bundled corpus: ${error.message}`);
      throw error;
    }
  }
  const raw = await readText(path, 'pack');
  let pack: Pack;
  try {
    pack = JSON.parse(raw) as Pack;
  } catch (error) {
    throw new CliError(`pack ${path}: not valid JSON (${(error as Error).message})`);
  }
  if (!pack || pack.format !== 'verbatim-pack' || !Array.isArray(pack.groups) || !pack.topic) {
    throw new CliError(`pack ${path}: not a Verbatim pack (expected "format": "verbatim-pack" with topic and groups)`);
  }
  return pack;
}

/** The page's own URL when the saved HTML states it (canonical link or og:url); the slug is a topic signal. */
function pageUrl(html: string): string {
  const canonical =
    /<link\b[^>]*\brel=["']?canonical["']?[^>]*\bhref=["']([^"']+)["']/i.exec(html) ??
    /<link\b[^>]*\bhref=["']([^"']+)["'][^>]*\brel=["']?canonical["']?/i.exec(html) ??
    /<meta\b[^>]*\bproperty=["']og:url["'][^>]*\bcontent=["']([^"']+)["']/i.exec(html);
  return canonical?.[1] ?? '';
}

async function samplePage(path: string): Promise<PageSample> {
  const content = await readText(path, 'file');
  if (isHtmlFile(path, content)) {
    const { htmlToPage } = await import('../node/html-text');
    const page = htmlToPage(content);
    return { url: pageUrl(content), title: page.title, headline: page.headline || undefined, text: page.text };
  }
  const firstLine =
    content
      .split('\n')
      .find((l) => l.trim().length > 0)
      ?.trim() ?? '';
  return { url: '', title: firstLine, text: content };
}

function toResult(file: string, a: PageAnalysis): ScanResult {
  return {
    file,
    topic: { match: a.topic.match, score: a.topic.score, signals: a.topic.signals },
    quotes: a.quotes.map((q) => ({
      text: q.text,
      start: q.start,
      end: q.end,
      ...(q.parts ? { parts: q.parts.map((p) => ({ start: p.start, end: p.end })) } : {}),
      group: q.group,
      speaker: q.speaker,
      similarity: q.similarity,
      outlets: q.outlets.map((o) => ({ document: o.document, outlet: o.outlet, text: o.text, change: o.change })),
    })),
  };
}

/** `topic`: the pack's topic name ("Mad Men"); the topic is data, never written into the code. */
function report(r: ScanResult, a: PageAnalysis, topic: string): string {
  const lines = [r.file];
  const verdict =
    a.status === 'topic'
      ? `a ${topic} page`
      : a.status === 'quotes-only'
        ? `not a ${topic} article, but it quotes the corpus`
        : `not a ${topic} page`;
  lines.push(`  topic: ${verdict} (score ${r.topic.score})`);
  const why = r.topic.signals
    .slice(0, 6)
    .map((s) => `${s.term} in ${s.where} ×${s.count} (${s.contribution > 0 ? '+' : ''}${s.contribution})`);
  if (why.length) lines.push(`  why: ${why.join('; ')}`);
  lines.push(`  quotes: ${r.quotes.length}`);
  for (const q of r.quotes) {
    lines.push(`    [${q.start}–${q.end}] ${q.group}${q.speaker ? ` (${q.speaker})` : ''} similarity ${q.similarity}`);
    lines.push(`      “${q.text.replace(/\s+/g, ' ')}”`);
    for (const o of q.outlets) lines.push(`      ${o.outlet}: ${o.change.join(', ')}`);
  }
  return lines.join('\n');
}

export const command: Command = async (args: string[], io: CliIO): Promise<number> => {
  const opts = parseArgs(args);
  const { loadLexicon } = await import('../node/lexicon');
  const index: PackIndex = indexPack(await loadPack(opts.pack), loadLexicon());
  const results: ScanResult[] = [];
  const reports: string[] = [];
  let unread = 0;
  for (const file of opts.files) {
    let analysis: PageAnalysis;
    try {
      const sample = await samplePage(file);
      analysis = analysePage(index, sample, documentsOfPage(index.pack.documents, sample.url));
    } catch (error) {
      const message = error instanceof CliError ? error.message : `file ${file}: could not be scanned (${(error as Error).message})`;
      // One file: its error is the command's. Several: the others are still scanned, and the exit says one was not.
      if (opts.files.length === 1) throw error instanceof CliError ? error : new CliError(message);
      io.stderr.write(`verbatim scan: ${message}\n`);
      unread++;
      continue;
    }
    const result = toResult(file, analysis);
    results.push(result);
    reports.push(report(result, analysis, index.pack.topic.name));
  }
  if (opts.json) {
    const value = opts.files.length === 1 ? results[0] : results;
    io.stdout.write(JSON.stringify(value, null, 2) + '\n');
  } else if (reports.length > 0) {
    io.stdout.write(reports.join('\n\n') + '\n');
  }
  return unread > 0 ? 1 : 0;
};
