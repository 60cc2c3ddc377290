/** What every CLI command module exports. */
export interface CliIO {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown };
}

export type Command = (args: string[], io: CliIO) => Promise<number>;

/** A failure the user can act on: printed as one clear line, no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
