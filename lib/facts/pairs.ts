// Sentence pairs, one JSON object a line: {"id", "a", "b", "label"?: 0|1, "score"?: number}
// (format in ../shared/README.md). Bad lines stop the read with the file, line and field.
import * as v from 'valibot';

export const SentencePairSchema = v.object({
  id: v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty')),
  a: v.string('must be a string'),
  b: v.string('must be a string'),
  label: v.optional(v.picklist([0, 1], 'must be 0 or 1')),
  score: v.optional(v.pipe(v.number('must be a number'), v.finite('must be finite'))),
});

export type SentencePair = v.InferOutput<typeof SentencePairSchema>;

export class PairsInputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string | null,
    readonly reason: string,
  ) {
    super(`${file}:${line}${field ? `: field "${field}"` : ''}: ${reason}`);
    this.name = 'PairsInputError';
  }
}

/** Parses a JSONL text of sentence pairs; blank lines are allowed, anything else must be a pair. */
export function parsePairs(text: string, file: string): SentencePair[] {
  const pairs: SentencePair[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new PairsInputError(file, line, null, `is not valid JSON (${(error as Error).message})`);
    }
    const result = v.safeParse(SentencePairSchema, value);
    if (!result.success) {
      const issue = result.issues[0];
      const field = issue.path?.map((p) => String(p.key)).join('.') ?? null;
      const reason = issue.kind === 'schema' && issue.received === 'undefined' && field ? 'is required' : issue.message;
      throw new PairsInputError(file, line, field, reason);
    }
    pairs.push(result.output);
  });
  return pairs;
}
