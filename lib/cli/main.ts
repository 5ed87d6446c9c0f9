// The parallax command: one dispatcher, one file per subcommand. To add a subcommand, add one
// line to COMMANDS. Exit codes: 0 done, 1 bad input (message on stderr), 2 usage error.
import { CorpusFormatError } from '../corpus/format.ts';
import { CorpusInputError } from '../corpus/schema.ts';
import { runAnalyze } from './analyze-command.ts';
import { runCorpusBuild } from './corpus-build.ts';
import { runCorpusFetch } from './corpus-fetch.ts';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, InputError, terminalSafeIo, type Command, type Io } from './io.ts';
import { useModelFiles } from './model-files.ts';
import { runPairs } from './pairs.ts';

/** Subcommands by their words ("corpus build" is two). */
export const COMMANDS: Record<string, Command> = {
  'corpus build': runCorpusBuild,
  'corpus fetch': runCorpusFetch,
  analyze: runAnalyze,
  pairs: runPairs,
};

export const USAGE = `Usage: parallax COMMAND [options]

Commands:
  corpus build INPUT... -o OUT [--skip-invalid]      compile a corpus artifact
  corpus fetch --feeds FEEDS -o CORPUS.jsonl         add articles from news feeds to a JSONL corpus
  analyze FILE [--corpus OUT] [--json]               which corpus articles cover FILE's story
  analyze --jsonl QUERIES.jsonl [--corpus OUT]       the whole result for every record of QUERIES, as JSON lines
  pairs --jsonl PAIRS.jsonl                          score sentence pairs as the same fact or not

Run "parallax COMMAND --help" for a command's options.
`;

/**
 * Runs the CLI on arguments (without "node parallax"); resolves to the exit code. Everything it
 * writes passes through terminalSafe: corpus titles, feed text and the reasons quoting them never
 * reach the terminal raw.
 */
export async function run(argv: string[], rawIo: Io): Promise<number> {
  const io = terminalSafeIo(rawIo);
  useModelFiles();
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    (argv.length === 0 ? io.stderr : io.stdout)(USAGE);
    return argv.length === 0 ? EXIT_USAGE : EXIT_OK;
  }
  const two = argv.slice(0, 2).join(' ');
  const [name, rest] = two in COMMANDS ? [two, argv.slice(2)] : [argv[0]!, argv.slice(1)];
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`parallax: unknown command "${argv.slice(0, argv[0] === 'corpus' ? 2 : 1).join(' ')}"\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof CorpusInputError || error instanceof CorpusFormatError || error instanceof InputError) {
      io.stderr(`parallax ${name}: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}
