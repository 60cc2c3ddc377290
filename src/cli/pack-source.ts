/** Where `verbatim quotes` gets its pack: a pack file, a corpus folder, or the repo's bundled corpus. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CorpusInputError } from '../engine/corpus/manifest';
import { validatePack } from '../engine/corpus/validate-pack';
import type { Pack } from '../engine/types';
import { buildPackFromDir } from '../node/corpus-dir';
import { CliError } from './command';

/** The repo's corpus, found from this file rather than the working directory. */
export const DEFAULT_CORPUS = resolve(import.meta.dirname, '../../assets/corpus');

export async function loadPack(options: { pack?: string; corpus?: string }): Promise<Pack> {
  if (options.pack && options.corpus) throw new CliError('use either --pack or --corpus, not both', 2);
  if (options.pack) return readPackFile(options.pack);
  try {
    return await buildPackFromDir(options.corpus ?? DEFAULT_CORPUS);
  } catch (error) {
    if (error instanceof CorpusInputError) throw new CliError(error.message);
    throw error;
  }
}

async function readPackFile(path: string): Promise<Pack> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${path}: ${code === 'ENOENT' ? 'pack file not found' : `cannot read pack file (${code ?? 'error'})`}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new CliError(`${path}: malformed JSON: ${(error as Error).message}`);
  }
  const result = validatePack(value, Buffer.byteLength(raw));
  if (!result.ok) throw new CliError(`${path}: not a valid pack:\n  ${result.errors.join('\n  ')}`);
  return result.pack;
}
