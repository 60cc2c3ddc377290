/**
 * `verbatim learn FILE... [--pack PACK] -o OUT`: adds saved pages to a pack, as the extension learns the
 * articles its reader opens. Each page is read as the extension reads a tab (src/reading/) and extracted
 * on its own (`extractDocument`); the pack's own documents are regrouped from their variants
 * (`packDocuments`), and the live corpus adds the pages to them — a page's quotes join the pack's groups
 * of the same utterance, or each other's.
 *
 * A page's document id is its file name without the extension. A page that is already in the corpus
 * (same canonical URL, or same id) replaces the earlier version; among the files, the later one wins.
 * A page with nothing to learn (no article, no quote) is named on stderr and left out; the others are
 * learned. A file that cannot be read (missing, a folder, not UTF-8 text) stops the command before
 * anything is written: OUT is written whole or not at all, never without a page the reader named.
 */
import { resolve } from 'node:path';
import { extractDocument } from '../engine/corpus/document-extract';
import { LiveCorpus, type CorpusDocument } from '../engine/corpus/live-corpus';
import { packDocuments } from '../engine/corpus/pack-documents';
import { validatePack } from '../engine/corpus/validate-pack';
import type { Lexicon } from '../engine/lexicon';
import type { Pack, PackDocument } from '../engine/types';
import { readSavedPage, SavedPageError, type SavedPage } from '../node/saved-page';
import { displayHost, documentKey, httpUrl } from '../reading/page-url';
import { parseArgs } from './args';
import { CliError, type CliIO, type Command } from './command';
import { loadPack } from './pack-source';
import { writeAtomically } from './write-file';

const USAGE = 'usage: verbatim learn FILE... [--pack PACK] -o OUT';

/** Registers the pack's groupings between its documents' units in the live corpus. */
const PACK_LINKS = 'pack';

export const command: Command = async (args, io) => {
  const parsed = parseArgs(args, [], { '--pack': 'pack', '-o': 'out', '--out': 'out', '--output': 'out' });
  const out = parsed.values.get('out');
  if (parsed.positionals.length === 0 || !out) throw new CliError(USAGE, 2);

  const pages = await readPages(parsed.positionals, io);
  const pack = await loadPack({ pack: parsed.values.get('pack') });
  const { loadLexicon } = await import('../node/lexicon');
  const { learned, replaced, skipped, result } = learn(pack, pages, loadLexicon());
  for (const page of skipped) io.stderr.write(`verbatim learn: ${page.path}: no quotes found, not learned\n`);

  const json = JSON.stringify(result, null, 2) + '\n';
  const check = validatePack(JSON.parse(json));
  if (!check.ok) throw new Error(`learn produced an invalid pack:\n  ${check.errors.join('\n  ')}`);
  await writeAtomically(resolve(out), json);
  const what = [`${learned.length} learned`, ...(replaced.length ? [`${replaced.length} replaced (${replaced.join(', ')})`] : [])];
  io.stderr.write(`wrote ${out}: ${result.groups.length} quote groups from ${result.documents.length} articles (${what.join(', ')})\n`);
  return 0;
};

/** Every file read before anything else happens: the first unreadable one stops the command. */
async function readPages(paths: readonly string[], io: CliIO): Promise<SavedPage[]> {
  const pages: SavedPage[] = [];
  const byId = new Map<string, string>();
  for (const path of paths) {
    let page: SavedPage;
    try {
      page = await readSavedPage(path);
    } catch (error) {
      if (!(error instanceof SavedPageError)) throw error;
      if (error.problem === 'unreadable') throw new CliError(error.message);
      io.stderr.write(`verbatim learn: ${error.message}, not learned\n`);
      continue;
    }
    const other = byId.get(page.id);
    if (other !== undefined && resolve(other) !== resolve(path))
      throw new CliError(`${path}: same document id "${page.id}" as ${other} (ids are file names without extension)`);
    byId.set(page.id, path);
    pages.push(page);
  }
  return pages;
}

function toDocument(page: SavedPage): PackDocument {
  const url = httpUrl(page.url);
  return {
    id: page.id,
    // A text file names no outlet: its file name stands for it.
    outlet: page.outlet ?? page.id,
    site: url ? displayHost(url) : null,
    url: page.url,
    title: page.title,
    published: page.published,
    origin: 'learned',
    read: page.modified,
  };
}

export interface LearnResult {
  result: Pack;
  /** Ids of the documents learned, and of those they replaced. */
  learned: string[];
  replaced: string[];
  skipped: SavedPage[];
}

/** Pure: the pack with the pages learned into it; with `lexicon`, synonyms count as one word (as the extension groups). */
export function learn(pack: Pack, pages: readonly SavedPage[], lexicon?: Lexicon): LearnResult {
  const live = new LiveCorpus({ lexicon });
  const fromPack = packDocuments(pack);
  live.add(fromPack.documents, fromPack.links, PACK_LINKS);

  const current = new Map<string, CorpusDocument>(fromPack.documents.map((d) => [d.meta.id, d]));
  const replaced: string[] = [];
  const learned: string[] = [];
  // Learned articles come after the pack's, ordered among themselves by id (as the extension orders them).
  const learnedOrder = pack.documents.length;
  for (const page of pages) {
    const meta = toDocument(page);
    const key = documentKey(meta.url);
    const same = [...current.values()].filter((d) => d.meta.id === meta.id || (key !== null && documentKey(d.meta.url) === key));
    if (same.length > 0) {
      live.remove(same.map((d) => d.meta.id));
      for (const d of same) {
        current.delete(d.meta.id);
        if (learned.includes(d.meta.id)) learned.splice(learned.indexOf(d.meta.id), 1);
        else replaced.push(d.meta.id);
      }
    }
    const doc: CorpusDocument = {
      meta,
      extract: extractDocument(page.text, pack.topic),
      // A new version of one of the pack's articles keeps its place.
      order: Math.min(learnedOrder, ...same.map((d) => d.order)),
    };
    live.add([doc]);
    current.set(meta.id, doc);
    learned.push(meta.id);
  }
  const skipped = pages.filter((p) => learned.includes(p.id) && !live.hasQuotes(p.id));
  if (skipped.length > 0) live.remove(skipped.map((p) => p.id));
  return {
    result: {
      format: pack.format,
      version: pack.version,
      id: pack.id,
      topic: pack.topic,
      documents: live.documents(),
      groups: live.groups(),
    },
    learned: learned.filter((id) => !skipped.some((p) => p.id === id)),
    replaced,
    skipped,
  };
}
