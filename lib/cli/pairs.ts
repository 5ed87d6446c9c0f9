// `parallax pairs --jsonl PAIRS.jsonl`: scores sentence pairs ({"id","a","b",...} one a line,
// format in ../shared/README.md) with the same-fact sentence matcher, and writes one line per
// pair: {"id","score","sameFact"}. Term statistics are counted over the file's own sentences.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { compareSentences } from '../facts/compare.ts';
import { sentenceFeatures } from '../facts/features.ts';
import { PairsInputError, parsePairs } from '../facts/pairs.ts';
import { termStatsFromTexts } from '../facts/stats.ts';

export const PAIRS_USAGE = `Usage: parallax pairs --jsonl PAIRS.jsonl

Scores each sentence pair of PAIRS.jsonl ({"id","a","b"} one a line) and writes one JSON line
per pair: {"id","score","sameFact"}, score in 0..1, sameFact the calibrated decision.
`;

export interface PairsIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Score rounded for output: enough digits to rank, few enough to read. */
function round(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}

/** Runs the subcommand; returns the exit code (0 done, 1 bad input, 2 usage). */
export async function runPairs(argv: string[], io: PairsIo): Promise<number> {
  let file: string | undefined;
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { jsonl: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      io.stdout(PAIRS_USAGE);
      return 0;
    }
    if (positionals.length > 0) throw new Error(`unexpected argument "${positionals[0]}"`);
    file = values.jsonl;
    if (file === undefined) throw new Error('--jsonl PAIRS.jsonl is required');
  } catch (error) {
    io.stderr(`parallax pairs: ${(error as Error).message}\n\n${PAIRS_USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.stderr(`parallax pairs: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return 1;
  }
  try {
    const pairs = parsePairs(text, file);
    const stats = termStatsFromTexts(pairs.flatMap((p) => [p.a, p.b]));
    const lines: string[] = [];
    for (const pair of pairs) {
      const result = compareSentences(sentenceFeatures(pair.a), sentenceFeatures(pair.b), stats);
      lines.push(JSON.stringify({ id: pair.id, score: round(result.score), sameFact: result.sameFact }));
    }
    io.stdout(lines.length > 0 ? `${lines.join('\n')}\n` : '');
    return 0;
  } catch (error) {
    if (error instanceof PairsInputError) {
      io.stderr(`parallax pairs: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
