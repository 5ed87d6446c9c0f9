// `parallax corpus build INPUT... -o OUT [--skip-invalid]`
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serializeCorpus } from '../corpus/format.ts';
import { recordLocation } from '../corpus/schema.ts';
import { buildFromInputs } from './inputs.ts';
import { EXIT_OK, EXIT_USAGE, UsageError, type Io } from './io.ts';

export const CORPUS_BUILD_USAGE = `Usage: parallax corpus build INPUT... -o OUT [--skip-invalid] [--name NAME]

Compiles corpus records into one artifact (the file the extension and "parallax analyze
--corpus" read). INPUT is a JSONL file ({"id","outlet","url"?,"title"?,"published"?,"text"}
one a line), a JSON array of the same records, or a folder of plain-text articles with a manifest.json (like corpus/seeds).

Options:
  -o, --out FILE     where to write the artifact
  --skip-invalid     skip bad records, listing every skipped line with every failing field (default: stop at the first)
  --name NAME        corpus name shown to readers (default: the input names)
`;

export async function runCorpusBuild(argv: string[], io: Io): Promise<number> {
  let values: { out?: string; 'skip-invalid'?: boolean; name?: string; help?: boolean };
  let inputs: string[];
  try {
    const parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string', short: 'o' }, 'skip-invalid': { type: 'boolean' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    values = parsed.values;
    inputs = parsed.positionals;
    if (values.help) {
      io.stdout(CORPUS_BUILD_USAGE);
      return EXIT_OK;
    }
    if (inputs.length === 0) throw new UsageError('no INPUT given');
    if (!values.out) throw new UsageError('-o OUT is required');
  } catch (error) {
    io.stderr(`parallax corpus build: ${(error as Error).message}\n\n${CORPUS_BUILD_USAGE}`);
    return EXIT_USAGE;
  }
  const started = performance.now();
  const { data, skipped } = buildFromInputs(inputs, { skipInvalid: values['skip-invalid'], name: values.name });
  for (const s of skipped) {
    const issues = s.issues.map((i) => (i.field ? ` field "${i.field}": ${i.reason}` : `: ${i.reason}`)).join(';');
    io.stderr(`skipped ${recordLocation(s.file, s.line, s.unit)}${issues}\n`);
  }
  const bytes = serializeCorpus(data);
  const out = resolve(values.out!);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  io.stdout(
    `wrote ${values.out}: ${data.meta.articleCount} articles, ${data.meta.outlets.length} outlets, ${data.sentenceOffsets.length / 2} sentences, ` +
      `${(bytes.length / 1024).toFixed(1)} kB in ${seconds} s${skipped.length ? `; skipped ${skipped.length} invalid line${skipped.length === 1 ? '' : 's'}` : ''}\n`,
  );
  return EXIT_OK;
}
