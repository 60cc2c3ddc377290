/**
 * `verbatim build-pack DIR -o pack.json`: builds a pack from any corpus-shaped folder.
 * Written to a temporary file beside the target and renamed into place, so a failure never leaves
 * a half-written pack behind.
 */
import { resolve } from 'node:path';
import { CorpusInputError } from '../engine/corpus/manifest';
import { buildPackFromDir } from '../node/corpus-dir';
import { parseArgs } from './args';
import { CliError, type Command } from './command';
import { writeAtomically } from './write-file';

export const command: Command = async (args, io) => {
  const parsed = parseArgs(args, [], { '-o': 'out', '--out': 'out', '--output': 'out' });
  const [dir, extra] = parsed.positionals;
  const out = parsed.values.get('out');
  if (!dir || extra !== undefined || !out) throw new CliError('usage: verbatim build-pack DIR -o pack.json', 2);
  let json: string;
  try {
    json = JSON.stringify(await buildPackFromDir(dir), null, 2) + '\n';
  } catch (error) {
    if (error instanceof CorpusInputError) throw new CliError(error.message);
    throw error;
  }
  await writeAtomically(resolve(out), json);
  const pack = JSON.parse(json) as { groups: unknown[]; documents: unknown[] };
  io.stderr.write(`wrote ${out}: ${pack.groups.length} quote groups from ${pack.documents.length} articles\n`);
  return 0;
};
