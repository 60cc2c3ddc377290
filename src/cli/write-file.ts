/** Writes a file whole or not at all: to a temporary file beside it, then renamed into place. */
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CliError } from './command';

export async function writeAtomically(path: string, content: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, content, 'utf8');
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new CliError(`${path}: cannot write pack (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
