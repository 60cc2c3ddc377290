/**
 * `verbatim lineage [--pack PACK] [--add FILE...] [--json]`: who copied whom. The corpus (bundled, or a
 * pack file) plus saved pages given with `--add` (read as `verbatim learn` and the extension read them; dates from their
 * metadata), regrouped with the corpus by rebuilding the pack with their texts, then every quote's family
 * tree, each article's closest relative and the changes of meaning (src/engine/lineage/).
 */
import { basename } from 'node:path';
import { buildPackLeavingOut } from '../engine/corpus/build-pack';
import { CorpusInputError, type CorpusSource, type ManifestDocument } from '../engine/corpus/manifest';
import { computeLineage, type Lineage, type LineageDocument } from '../engine/lineage/lineage';
import type { Pack } from '../engine/types';
import { loadCorpusDir } from '../node/corpus-dir';
import { readSavedPage, SavedPageError, type SavedPage } from '../node/saved-page';
import { displayHost, httpUrl } from '../reading/page-url';
import { CliError, type CliIO, type Command } from './command';
import { DEFAULT_CORPUS, loadPack } from './pack-source';

const USAGE = 'usage: verbatim lineage [--pack PACK] [--add FILE...] [--json]';

interface LineageArgs {
  pack: string | null;
  add: string[];
  json: boolean;
}

function parse(args: readonly string[]): LineageArgs {
  const out: LineageArgs = { pack: null, add: [], json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') out.json = true;
    else if (a === '--pack' || a.startsWith('--pack=')) {
      const value = a === '--pack' ? args[++i] : a.slice('--pack='.length);
      if (!value) throw new CliError(`--pack needs a file\n${USAGE}`, 2);
      out.pack = value;
    } else if (a === '--add') {
      // --add takes every file that follows, up to the next option.
      const before = out.add.length;
      while (i + 1 < args.length && !args[i + 1]!.startsWith('--')) out.add.push(args[++i]!);
      if (out.add.length === before) throw new CliError(`--add needs at least one file\n${USAGE}`, 2);
    } else if (a.startsWith('--add=')) out.add.push(a.slice('--add='.length));
    else if (a.startsWith('-')) throw new CliError(`unknown option "${a}"\n${USAGE}`, 2);
    else throw new CliError(`unexpected argument "${a}" (pages to add go after --add)\n${USAGE}`, 2);
  }
  return out;
}

interface AddedPage {
  manifest: ManifestDocument;
  text: string;
  links: string[];
}

/**
 * A page to add, read as `verbatim learn` and the extension read one (src/reading/). Its date is the
 * instant the page states when it gives one: copies of one interview often come out the same day.
 * Null when the page holds nothing to compare (no article): the batch goes on without it.
 */
async function readAdded(path: string, io: CliIO): Promise<AddedPage | null> {
  let page: SavedPage;
  try {
    page = await readSavedPage(path);
  } catch (error) {
    if (!(error instanceof SavedPageError)) throw error;
    if (error.problem === 'unreadable') throw new CliError(error.message);
    io.stderr.write(`verbatim lineage: ${error.message}, left out\n`);
    return null;
  }
  const url = httpUrl(page.url);
  return {
    manifest: {
      id: page.id,
      file: basename(path),
      // A text file names no outlet: its file name stands for it.
      outlet: page.outlet ?? page.id,
      site: url ? displayHost(url) : null,
      url: page.url,
      title: page.title,
      published: page.publishedAt ?? page.published,
    },
    text: page.text,
    links: page.links,
  };
}

/**
 * The bundled corpus with the added pages: one pack, rebuilt, so their wordings join the corpus's groups.
 * An added page in which no quote is found is named on stderr and left out; the others are compared.
 */
async function corpusWith(added: readonly AddedPage[], io: CliIO): Promise<{ pack: Pack; documents: LineageDocument[] }> {
  let source: CorpusSource;
  try {
    source = await loadCorpusDir(DEFAULT_CORPUS);
  } catch (error) {
    if (error instanceof CorpusInputError) throw new CliError(`bundled corpus: ${error.message}`);
    throw error;
  }
  const ids = new Set(source.manifest.documents.map((d) => d.id));
  const bundled = new Set(ids);
  for (const a of added) {
    if (ids.has(a.manifest.id))
      throw new CliError(`${a.manifest.file}: the id "${a.manifest.id}" (its file name) is already a corpus document; rename the file`, 2);
    ids.add(a.manifest.id);
  }
  const merged: CorpusSource = {
    ...source,
    manifest: { ...source.manifest, documents: [...source.manifest.documents, ...added.map((a) => a.manifest)] },
    texts: { ...source.texts, ...Object.fromEntries(added.map((a) => [a.manifest.id, a.text])) },
  };
  let built: ReturnType<typeof buildPackLeavingOut>;
  try {
    built = buildPackLeavingOut(merged);
  } catch (error) {
    if (error instanceof CorpusInputError) throw new CliError(error.message);
    throw error;
  }
  for (const d of built.withoutQuotes) {
    if (bundled.has(d.id)) throw new CliError(`bundled corpus: ${d.file}: no quotes found in this article`);
    io.stderr.write(`verbatim lineage: ${d.file}: no quotes found in this article, left out\n`);
  }
  const { pack } = built;
  const links = new Map(added.map((a) => [a.manifest.id, a.links]));
  return { pack, documents: pack.documents.map((d) => ({ ...d, text: merged.texts[d.id], links: links.get(d.id) ?? [] })) };
}

/** The `--json` shape, exactly. An unclear edge names no parent: `parent` is null and its first evidence line says why. */
export function lineageJson(pack: Pack, lineage: Lineage): unknown {
  const docs = new Map(pack.documents.map((d) => [d.id, d]));
  return {
    documents: lineage.documents.map((d) => {
      const doc = docs.get(d.document)!;
      return {
        id: doc.id,
        outlet: doc.outlet,
        url: doc.url,
        date: doc.published,
        closest: d.closest && {
          document: d.closest.document,
          shared: d.closest.shared,
          against: d.closest.against,
          confidence: d.closest.confidence,
        },
        // Added only when two candidates are tied (closest is then null): who they are.
        ...(d.tied ? { tied: d.tied } : {}),
      };
    }),
    groups: lineage.groups.map((g) => ({
      id: g.group,
      speaker: g.speaker,
      original: g.original,
      tree: g.tree.map((e) => ({
        document: e.document,
        parent: e.document === g.original || e.unclear ? null : (e.parent ?? g.original),
        confidence: e.confidence,
        evidence: e.evidence,
      })),
      meaning: g.meaning.map((m) => ({ document: m.document, kind: m.kind, words: m.words, detail: m.detail })),
    })),
  };
}

export function renderLineage(pack: Pack, lineage: Lineage): string {
  const docs = new Map(pack.documents.map((d) => [d.id, d]));
  const name = (id: string | null) => (id === null ? 'the original' : (docs.get(id)?.outlet ?? id));
  const lines = [`${pack.documents.length} articles, ${pack.groups.length} quote groups`, '', 'Whose wording each article follows:'];
  for (const d of lineage.documents) {
    const doc = docs.get(d.document)!;
    const what = d.closest
      ? `follows ${name(d.closest.document)}: ${d.closest.shared} shared reading${d.closest.shared === 1 ? '' : 's'}, ${d.closest.against} against (confidence ${d.closest.confidence})`
      : d.tied
        ? `tied between ${d.tied.map(name).join(' and ')}: equally near, nothing tells them apart`
        : 'follows the original directly (an independent transcription)';
    lines.push(`  ${doc.outlet} [${doc.id}] (${doc.published ?? 'date unknown'}): ${what}`);
  }
  for (const g of lineage.groups) {
    if (g.tree.length < 2 && g.meaning.length === 0) continue;
    lines.push(
      '',
      `${g.group}  ${g.speaker ?? 'unknown speaker'}${g.original ? ` — original: ${name(g.original)}` : ''}`,
      `  “${g.reference}”`,
    );
    for (const e of g.tree) {
      if (e.document === g.original) {
        lines.push(`  ${name(e.document)}: the original`);
        continue;
      }
      const parent = e.parent ?? g.original;
      const head = e.unclear ? `${name(e.document)}: unclear (best guess ${name(parent)})` : `${name(e.document)} follows ${name(parent)}`;
      lines.push(`  ${head} — ${e.confidence}${e.credited ? ', credited' : ''}`);
      for (const ev of e.evidence) if (!ev.startsWith('unclear:')) lines.push(`      ${ev}`);
    }
    for (const m of g.meaning) lines.push(`  ! ${name(m.document)}: ${m.kind} — ${m.detail}`);
  }
  return lines.join('\n') + '\n';
}

export const command: Command = async (args, io) => {
  const opts = parse(args);
  if (opts.pack && opts.add.length > 0) {
    throw new CliError(
      "--add with --pack is not supported yet: a pack file holds no article texts, so added pages cannot be regrouped with its quotes. Use --add with the bundled corpus, or --pack alone for the pack's own trees.",
      2,
    );
  }
  let pack: Pack;
  let documents: LineageDocument[];
  if (opts.pack) {
    pack = await loadPack({ pack: opts.pack });
    documents = pack.documents;
  } else {
    const read = await Promise.all(opts.add.map((path) => readAdded(path, io)));
    ({ pack, documents } = await corpusWith(
      read.filter((a): a is AddedPage => a !== null),
      io,
    ));
  }
  const lineage = computeLineage({ groups: pack.groups, documents });
  io.stdout.write(opts.json ? JSON.stringify(lineageJson(pack, lineage), null, 2) + '\n' : renderLineage(pack, lineage));
  return 0;
};
