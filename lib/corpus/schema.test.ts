import { describe, expect, test } from 'vitest';
import { CorpusInputError, parseCorpusFile, recordsFromManifest } from './schema.ts';

const good = (id: string, extra: object = {}) => JSON.stringify({ id, outlet: 'Example News', text: 'Officials met on Monday.', ...extra });

function errorOf(fn: () => unknown): CorpusInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CorpusInputError) return error;
    throw error;
  }
  throw new Error('expected a CorpusInputError');
}

describe('parseCorpusFile', () => {
  test('reads records and skips blank lines', () => {
    const { records, skipped } = parseCorpusFile(`${good('a')}\n\n${good('b', { published: '2018-04-02', story: 's1' })}\n`, 'in.jsonl');
    expect(records.map((r) => r.id)).toEqual(['a', 'b']);
    expect(records[1]!.published).toBe('2018-04-02');
    expect(skipped).toEqual([]);
  });

  test.each([
    ['{"id": "a", "outlet": null', null, 'not valid JSON'],
    ['[1, 2]', null, 'must be a JSON object'],
    [JSON.stringify({ id: 'a', outlet: null }), 'text', 'is required'],
    [JSON.stringify({ id: 'a', text: 'Words here.' }), 'outlet', 'is required'],
    [JSON.stringify({ id: '', outlet: null, text: 'Words.' }), 'id', 'is empty'],
    [JSON.stringify({ id: 'a', outlet: ' ', text: 'Words.' }), 'outlet', 'use null when unknown'],
    [JSON.stringify({ id: 'a', outlet: null, text: 'Words.', url: 'javascript:alert(1)' }), 'url', 'not an http(s) address'],
    [JSON.stringify({ id: 'a', outlet: null, text: 'Words.', published: '2018-4-2' }), 'published', 'YYYY-MM-DD'],
    [JSON.stringify({ id: 'a', outlet: null, text: 'Words.', published: '2018-02-30' }), 'published', 'real calendar date'],
    [JSON.stringify({ id: 'a', outlet: null, text: ' — ' }), 'text', 'has no words'],
    [JSON.stringify({ id: 'a', outlet: 7, text: 'Words.' }), 'outlet', 'string or null'],
  ])('line %s fails on field %s', (line, field, reason) => {
    const error = errorOf(() => parseCorpusFile(`${good('ok')}\n${line}\n`, 'corpus.jsonl'));
    expect(error.file).toBe('corpus.jsonl');
    expect(error.line).toBe(2);
    expect(error.field).toBe(field);
    expect(error.message).toContain(reason);
    expect(error.message).toMatch(/^corpus\.jsonl:2/);
  });

  test('a duplicate id names both lines', () => {
    const error = errorOf(() => parseCorpusFile(`${good('a')}\n${good('a')}`, 'x.jsonl'));
    expect(error.message).toBe('x.jsonl:2: field "id": duplicate id "a" (first on line 1)');
  });

  test('skipInvalid keeps the good records and reports every skipped line with its reason', () => {
    const text = [good('a'), 'nonsense', good('b'), JSON.stringify({ id: 'c', outlet: null }), good('a')].join('\n');
    const { records, skipped } = parseCorpusFile(text, 'mixed.jsonl', { skipInvalid: true });
    expect(records.map((r) => r.id)).toEqual(['a', 'b']);
    expect(skipped.map((s) => [s.line, s.field])).toEqual([
      [2, null],
      [4, 'text'],
      [5, 'id'],
    ]);
    for (const s of skipped) expect(s.reason.length).toBeGreaterThan(5);
  });
});

describe('recordsFromManifest', () => {
  test('turns manifest entries into records with ids from file names', () => {
    const records = recordsFromManifest({ documents: [{ file: 'x_1.txt', outlet: 'A', published: '2020-01-02', url: null }] }, () => 'Some text.');
    expect(records).toEqual([{ id: 'x_1', outlet: 'A', published: '2020-01-02', text: 'Some text.' }]);
  });

  test('a bad manifest names the field', () => {
    const error = errorOf(() => recordsFromManifest({ documents: [{ file: 'x.txt', outlet: 'A', published: 'soon' }] }, () => 'Text.'));
    expect(error.file).toBe('manifest.json');
    expect(error.field).toBe('documents.0.published');
  });

  test('an empty seed file is reported with the manifest entry', () => {
    const error = errorOf(() => recordsFromManifest({ documents: [{ file: 'x.txt', outlet: null }] }, () => ''));
    expect(error.message).toContain('x.txt');
    expect(error.field).toBe('documents.0.text');
  });
});
