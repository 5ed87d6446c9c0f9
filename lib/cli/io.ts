// What every subcommand gets: where to write, and the exit codes of the CLI contract.
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** A subcommand: arguments after its name in, exit code out. */
export type Command = (argv: string[], io: Io) => Promise<number>;

export const EXIT_OK = 0;
/** Bad input: unreadable or invalid files, with the message on stderr. */
export const EXIT_BAD_INPUT = 1;
/** Usage errors: unknown commands or options, missing arguments. */
export const EXIT_USAGE = 2;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** An input the user named cannot be used (missing file, not a corpus, no article in a page). */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
