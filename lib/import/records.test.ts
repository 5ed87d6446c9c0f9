import { describe, expect, test } from 'vitest';
import { checkRecord, detectFormat, summarizeRecords, validateCorpusFile } from './records';

const good = { id: 'a1', outlet: 'BBC', text: 'Something happened.', published: '2020-02-29', url: 'https://bbc.co.uk/x' };

describe('checkRecord', () => {
  test.each([
    [good, []],
    [{ ...good, outlet: null }, []],
    [{ ...good, story: 's1', title: 'T' }, []],
    [{ outlet: 'BBC', text: 'x' }, ['"id" is missing']],
    [{ id: 'a', text: 'x' }, ['"outlet" is missing']],
    [{ id: 'a', outlet: 'BBC' }, ['"text" is missing']],
    [{ id: '  ', outlet: 'BBC', text: 'x' }, ['"id" is empty']],
    [{ id: 'a', outlet: 5, text: 'x' }, ['"outlet" must be a string or null']],
    [{ id: 'a', outlet: 'BBC', text: '   ' }, ['"text" is empty']],
    [{ id: 'a', outlet: 'BBC', text: '— … !' }, ['"text" has no words']],
    [{ id: 'a', outlet: 'BBC', text: 'x', published: '2020-2-1' }, ['"published" must be a date written YYYY-MM-DD']],
    [{ id: 'a', outlet: 'BBC', text: 'x', published: '2021-02-29' }, ['"published" is not a real calendar date']],
    [{ id: 'a', outlet: 'BBC', text: 'x', url: 'javascript:alert(1)' }, ['"url" is not an http(s) address']],
    [{ id: 7, outlet: 'BBC', text: 8 }, ['"id" must be a string', '"text" must be a string']],
    [[1, 2], ['expected a JSON object, found an array']],
    [null, ['expected a JSON object, found null']],
    ['text', ['expected a JSON object, found string']],
  ])('%j', (value, reasons) => {
    const checked = checkRecord(value);
    if (reasons.length === 0) expect(checked).toHaveProperty('record');
    else expect(checked).toEqual({ reasons });
  });

  test('drops unknown fields and trims the id', () => {
    expect(checkRecord({ ...good, id: ' a1 ', extra: true })).toEqual({ record: { ...good, id: 'a1' } });
  });
});

describe('detectFormat', () => {
  test.each([
    ['[{"id":1}]', 'json'],
    ['\uFEFF  \n [', 'json'],
    ['{"id":"a"}\n{"id":"b"}', 'jsonl'],
    ['', 'jsonl'],
  ])('%j → %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });
});

describe('validateCorpusFile', () => {
  test('JSONL: every bad line is reported with its number and reason; blank lines are ignored', async () => {
    const text = [
      JSON.stringify(good),
      '',
      '{"id": "b", "outlet": "CNN", "text": "x"', // broken JSON
      JSON.stringify({ id: 'c', outlet: 'CNN', text: '' }),
      JSON.stringify({ ...good, text: 'Again.' }), // duplicate id
      JSON.stringify({ id: 'd', outlet: null, text: 'Fine.' }),
    ].join('\n');
    const report = await validateCorpusFile(text);
    expect(report.format).toBe('jsonl');
    expect(report.total).toBe(5);
    expect(report.records.map((r) => r.id)).toEqual(['a1', 'd']);
    expect(report.problems.map((p) => [p.where, p.id ?? null])).toEqual([
      ['line 3', null],
      ['line 4', 'c'],
      ['line 5', 'a1'],
    ]);
    expect(report.problems[0]!.reason).toMatch(/^not valid JSON/);
    expect(report.problems[1]!.reason).toBe('"text" is empty');
    expect(report.problems[2]!.reason).toBe('duplicate id "a1" (first used on line 1)');
  });

  test('JSON array: problems name the record number', async () => {
    const report = await validateCorpusFile(JSON.stringify([good, { id: 'x' }, 3]));
    expect(report.format).toBe('json');
    expect(report.total).toBe(3);
    expect(report.records).toHaveLength(1);
    expect(report.problems.map((p) => p.where)).toEqual(['record 2', 'record 3']);
    expect(report.problems[0]!.reason).toBe('"outlet" is missing; "text" is missing');
  });

  test.each([
    ['', 'the file is empty'],
    ['[{"id": "a",', /^the file starts like a JSON array but is not valid JSON/],
  ])('whole-file problem for %j', async (text, reason) => {
    const report = await validateCorpusFile(text);
    expect(report.records).toEqual([]);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]!.where).toBe('file');
    expect(report.problems[0]!.reason).toMatch(reason);
  });

  test('large files are checked in chunks with progress, and can be cancelled', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => JSON.stringify({ id: `r${i}`, outlet: 'X', text: `Text ${i}.` }));
    const progress: number[] = [];
    let pauses = 0;
    const report = await validateCorpusFile(lines.join('\n'), {
      chunkSize: 300,
      onProgress: (done) => progress.push(done),
      pause: async () => {
        pauses += 1;
      },
    });
    expect(report.records).toHaveLength(1000);
    expect(progress).toEqual([300, 600, 900, 1000]);
    expect(pauses).toBe(3);

    const controller = new AbortController();
    const cancelled = validateCorpusFile(lines.join('\n'), {
      chunkSize: 300,
      pause: async () => controller.abort(new Error('cancelled by the user')),
      signal: controller.signal,
    });
    await expect(cancelled).rejects.toThrow('cancelled by the user');
  });
});

describe('summarizeRecords', () => {
  test('counts outlets and the date range', () => {
    expect(
      summarizeRecords([
        { id: 'a', outlet: 'A', text: 'x', published: '2020-05-01' },
        { id: 'b', outlet: 'B', text: 'x', published: '2019-01-01' },
        { id: 'c', outlet: 'A', text: 'x' },
        { id: 'd', outlet: null, text: 'x' },
      ]),
    ).toEqual({ articles: 4, outlets: 2, firstPublished: '2019-01-01', lastPublished: '2020-05-01' });
  });
});
