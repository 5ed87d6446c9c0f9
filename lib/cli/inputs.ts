// Reading corpus inputs from disk: JSONL files or JSON arrays of records, or a folder of plain-text seeds described by
// its manifest.json (as corpus/seeds/ is), or that manifest itself.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusBuilder, type CompileOptions } from '../corpus/compile.ts';
import { loadCorpus, type Corpus } from '../corpus/corpus.ts';
import type { CorpusData } from '../corpus/data.ts';
import { CorpusFormatError, serializeCorpus } from '../corpus/format.ts';
import { CorpusInputError, parseCorpusFile, recordLocation, recordsFromManifest, type SkippedLine } from '../corpus/schema.ts';
import { InputError } from './io.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEEDS_DIR = join(REPO_ROOT, 'corpus', 'seeds');
export const BUNDLED_CORPUS = join(REPO_ROOT, 'public', 'corpus.bin');

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (error as Error).message}`);
  }
}

export interface BuildReport {
  data: CorpusData;
  skipped: SkippedLine[];
}

/** Compiles the inputs; throws CorpusInputError on the first bad record unless skipInvalid. */
export function buildFromInputs(inputs: string[], options: { skipInvalid?: boolean; name?: string } = {}): BuildReport {
  const compileOptions: CompileOptions = { name: options.name ?? inputs.map((i) => basename(i).replace(/\.jsonl?$/, '')).join('+'), sources: inputs.map((i) => basename(i)) };
  const builder = new CorpusBuilder(compileOptions);
  const skipped: SkippedLine[] = [];
  for (const input of inputs) {
    const isFolder = existsSync(input) && statSync(input).isDirectory();
    if (isFolder || basename(input) === 'manifest.json') {
      const manifestPath = isFolder ? join(input, 'manifest.json') : input;
      const folder = dirname(manifestPath);
      let manifest: unknown;
      try {
        manifest = JSON.parse(readText(manifestPath));
      } catch (error) {
        if (error instanceof InputError) throw error;
        throw new InputError(`${manifestPath}: not valid JSON (${(error as Error).message})`);
      }
      for (const record of recordsFromManifest(manifest, (file) => readText(join(folder, file)), manifestPath)) builder.add(record, join(folder, `${record.id}.txt`));
      continue;
    }
    const parsed = parseCorpusFile(readText(input), input, { skipInvalid: options.skipInvalid });
    skipped.push(...parsed.skipped);
    const unit = parsed.format === 'json' ? 'record' : 'line';
    parsed.records.forEach((record, i) => {
      const position = parsed.positions[i]!;
      try {
        builder.add(record, recordLocation(input, position, unit));
      } catch (error) {
        // A duplicate of an id from an earlier input: skipped like any other bad line.
        if (!(error instanceof CorpusInputError) || !options.skipInvalid) throw error;
        skipped.push({ file: input, line: position, unit, field: error.field, reason: error.reason, issues: error.issues });
      }
    });
  }
  return { data: builder.build(), skipped };
}

/** Loads a compiled artifact from disk. */
export function loadCorpusFile(path: string): Corpus {
  const bytes = readFileSync(resolve(path), { flag: 'r' });
  return loadCorpus(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** What the extension build bundles: PARALLAX_CORPUS (comma-separated JSONL paths) or the seeds. */
export function bundleInputs(): { inputs: string[]; name: string | undefined } {
  const fromEnvironment = (process.env.PARALLAX_CORPUS ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  return fromEnvironment.length ? { inputs: fromEnvironment.map((p) => resolve(p)), name: undefined } : { inputs: [SEEDS_DIR], name: 'seeds' };
}

/**
 * The bundled corpus: public/corpus.bin as the last extension build wrote it; without one (or
 * when it was written by another format version) the bundle's inputs compiled in memory, with a
 * warning.
 */
export function loadBundledCorpus(warn: (message: string) => void = () => {}, artifact = BUNDLED_CORPUS): Corpus {
  if (existsSync(artifact)) {
    try {
      return loadCorpusFile(artifact);
    } catch (error) {
      if (!(error instanceof CorpusFormatError)) throw error;
      warn(`public/corpus.bin cannot be used (${error.message}); compiling the bundled corpus's inputs instead (npm run build rewrites it)`);
    }
  }
  const { inputs, name } = bundleInputs();
  return loadCorpus(serializeCorpus(buildFromInputs(inputs, { name }).data));
}

export function readInputFile(path: string): string {
  return readText(path);
}
