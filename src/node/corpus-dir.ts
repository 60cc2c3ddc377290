/**
 * Node I/O for corpus folders: `corpus.json` + article files (+ optional `topic.json`) → `CorpusSource`.
 * All validation messages name the file at fault; the engine itself never touches the disk.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, resolve } from 'node:path';
import { buildPack } from '../engine/corpus/build-pack';
import { CorpusInputError, parseManifest, type CorpusSource } from '../engine/corpus/manifest';
import type { Pack, TopicSpec } from '../engine/types';

const MANIFEST = 'corpus.json';
const TOPIC = 'topic.json';

/** Reads a corpus folder. Throws `CorpusInputError` (message names the file) on any bad input. */
export async function loadCorpusDir(dir: string): Promise<CorpusSource> {
  const root = resolve(dir);
  await requireDir(root);
  const manifestPath = join(root, MANIFEST);
  const manifest = parseManifest(await readJson(manifestPath), manifestPath);
  const texts: Record<string, string> = {};
  for (const doc of manifest.documents) {
    texts[doc.id] = await readArticle(join(root, doc.file));
  }
  const topic = await readTopic(join(root, TOPIC));
  return topic ? { manifest, texts, topic } : { manifest, texts };
}

/** `loadCorpusDir` then `buildPack`; errors from the engine are re-labelled with the article's path. */
export async function buildPackFromDir(dir: string): Promise<Pack> {
  const source = await loadCorpusDir(dir);
  try {
    return buildPack(source);
  } catch (error) {
    // The engine names articles by their manifest-relative file; the user wants the path.
    if (error instanceof CorpusInputError && error.file && !isAbsolute(error.file)) {
      throw new CorpusInputError(error.detail, join(resolve(dir), error.file));
    }
    throw error;
  }
}

async function requireDir(path: string): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new CorpusInputError('corpus folder not found', path);
  if (!info.isDirectory()) throw new CorpusInputError('not a folder (expected a folder holding corpus.json)', path);
}

async function readJson(path: string): Promise<unknown> {
  const text = await readUtf8(path, 'manifest');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CorpusInputError(`malformed JSON: ${(error as Error).message}`, path);
  }
}

async function readArticle(path: string): Promise<string> {
  const raw = await readUtf8(path, 'article file');
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm') {
    const { htmlToText } = await import('./html-text');
    return htmlToText(raw);
  }
  return raw;
}

/** `topic.json` is optional; when present it must be a TopicSpec-shaped object. */
async function readTopic(path: string): Promise<TopicSpec | null> {
  const exists = await stat(path).catch(() => null);
  if (!exists) return null;
  const value = await readJson(path);
  const spec = value as Partial<TopicSpec> | null;
  if (!spec || typeof spec !== 'object' || typeof spec.name !== 'string' || !Array.isArray(spec.signals)) {
    throw new CorpusInputError('topic spec must be an object with "name" and "signals"', path);
  }
  return spec as TopicSpec;
}

/** Reads a file as strict UTF-8: invalid bytes are an error, not silently replaced with U+FFFD. */
async function readUtf8(path: string, what: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CorpusInputError(code === 'ENOENT' ? `${what} not found` : `cannot read ${what} (${code ?? 'error'})`, path);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new CorpusInputError(`${what} is not valid UTF-8 text (re-save it as UTF-8)`, path);
  }
}
