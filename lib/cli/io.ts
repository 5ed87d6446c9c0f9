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

// Characters a terminal acts on instead of printing: C0 and C1 controls (ESC starts the
// sequences that clear the screen or retitle the window), DEL, and the bidi controls that make
// text display in another order than it is written ("gnp.exe" shown as "exe.png").
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text as the terminal may show it: every control and bidi character written as its \uXXXX
 * escape (visible, and still valid inside a JSON string), newlines and tabs kept.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The same outputs with everything written made terminal-safe: titles, feed text and reports come from anywhere. */
export function terminalSafeIo<T extends Io>(io: T): T {
  return { ...io, stdout: (text: string) => io.stdout(terminalSafe(text)), stderr: (text: string) => io.stderr(terminalSafe(text)) };
}
