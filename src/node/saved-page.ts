/**
 * A saved page on disk → the article it holds, read as the extension reads a tab (src/reading/): an HTML
 * page through `readArticle`, a plain-text file as a corpus capture (its first line is the headline).
 * Every failure names the file.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { readArticle } from '../reading/read-article';

export interface SavedPage {
  path: string;
  /** The file name without its extension (`screenledger-moss-dress.amp.html` → `screenledger-moss-dress.amp`). */
  id: string;
  text: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  /** The publication instant, when the page states a time and zone (lineage orders same-day copies by it). */
  publishedAt: string | null;
  /** Absolute links inside the article (lineage reads credits from them). */
  links: string[];
  /** The file's modification date, `YYYY-MM-DD` (UTC). */
  modified: string;
}

/**
 * `unreadable`: the file cannot be had (missing, a folder, not UTF-8 text) — the reader named the wrong
 * file. `empty`: it was read and holds no article — a batch goes on without it.
 */
export type SavedPageProblem = 'unreadable' | 'empty';

export class SavedPageError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
    readonly problem: SavedPageProblem = 'unreadable',
  ) {
    super(`${path}: ${detail}`);
    this.name = 'SavedPageError';
  }
}

const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md']);

/** HTML by extension; a file with another extension is HTML when it starts like a page. */
export function isHtmlFile(path: string, content: string): boolean {
  const ext = extname(path).toLowerCase();
  if (HTML_EXTENSIONS.has(ext)) return true;
  if (TEXT_EXTENSIONS.has(ext)) return false;
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>])/i.test(content);
}

export async function readSavedPage(path: string): Promise<SavedPage> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new SavedPageError(path, error.code === 'ENOENT' ? 'file not found' : `cannot be read (${error.code ?? 'error'})`);
  });
  if (info.isDirectory()) throw new SavedPageError(path, 'is a folder, not a saved page');
  const id = basename(path, extname(path));
  if (!id) throw new SavedPageError(path, 'has no name to use as the document id');
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new SavedPageError(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SavedPageError(path, 'is not UTF-8 text (save the page as UTF-8 HTML or text)');
  }
  if (content.charCodeAt(0) === 0xfeff) content = content.slice(1);
  if (content.includes('\u0000')) throw new SavedPageError(path, 'is not a text file');
  const modified = info.mtime.toISOString().slice(0, 10);

  if (isHtmlFile(path, content)) {
    const article = readArticle(content, null);
    if (!article) throw new SavedPageError(path, 'no article found in this page', 'empty');
    return { path, id, modified, ...article };
  }
  const text = content.replace(/\r\n?/g, '\n');
  const headline =
    text
      .split('\n')
      .find((l) => l.trim().length > 0)
      ?.trim() ?? '';
  if (!headline) throw new SavedPageError(path, 'is empty', 'empty');
  return { path, id, modified, text, url: null, outlet: null, title: headline, published: null, publishedAt: null, links: [] };
}
