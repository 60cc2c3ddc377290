/**
 * `verbatim` command line: the same engine as the extension, on files.
 * Each command lives in its own module and returns an exit code.
 */
import { CliError, type Command } from './command';

const commands: Record<string, () => Promise<{ command: Command }>> = {
  quotes: () => import('./quotes'),
  'build-pack': () => import('./build-pack'),
  scan: () => import('./scan'),
  lineage: () => import('./lineage'),
  learn: () => import('./learn'),
};

const USAGE = `usage: verbatim <command> [options]

commands:
  quotes [--json] [--pack FILE | --corpus DIR]   every quote group with each outlet's wording
  build-pack DIR -o pack.json                      build a corpus pack from a corpus folder
  scan FILE... [--json] [--pack FILE]              find corpus quotes in saved pages
  lineage [--pack FILE] [--add FILE...] [--json]   who copied whom: each quote's family tree, closest relatives, meaning changes
  learn FILE... [--pack FILE] -o OUT               add saved pages (HTML or text) to a pack (default: the bundled one)`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help') {
    process.stdout.write(USAGE + '\n');
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`verbatim: unknown command "${name}"\n\n${USAGE}\n`);
    return 2;
  }
  try {
    const { command } = await load();
    return await command(rest, { stdout: process.stdout, stderr: process.stderr });
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`verbatim ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
