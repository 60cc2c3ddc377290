/** Tiny argument parsing shared by the `quotes` and `build-pack` commands: flags, flags with a value, positionals. */
import { CliError } from './command';

export interface ParsedArgs {
  flags: Set<string>;
  values: Map<string, string>;
  positionals: string[];
}

/** `booleans`: flags without a value; `valued`: flags taking the next argument (aliases map to a canonical name). */
export function parseArgs(args: readonly string[], booleans: readonly string[], valued: Record<string, string>): ParsedArgs {
  const out: ParsedArgs = { flags: new Set(), values: new Map(), positionals: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (booleans.includes(name)) out.flags.add(name);
    else if (valued[name]) {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') throw new CliError(`${name} needs a value`, 2);
      out.values.set(valued[name]!, value);
    } else if (name.startsWith('-') && name !== '-') throw new CliError(`unknown option "${name}"`, 2);
    else out.positionals.push(arg);
  }
  return out;
}
