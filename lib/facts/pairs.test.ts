import { describe, expect, test } from 'vitest';
import { PairsInputError, parsePairs } from './pairs.ts';

describe('parsePairs', () => {
  test('reads pairs, with or without label and score, skipping blank lines', () => {
    const text = '{"id":"p1","a":"One.","b":"Two.","label":1,"score":4.2}\n\n{"id":"p2","a":"Three.","b":"Four."}\n';
    expect(parsePairs(text, 'pairs.jsonl')).toEqual([
      { id: 'p1', a: 'One.', b: 'Two.', label: 1, score: 4.2 },
      { id: 'p2', a: 'Three.', b: 'Four.' },
    ]);
  });

  test.each([
    ['{"id":"p1","a":"One."}', 'pairs.jsonl:1: field "b": is required'],
    ['{"id":"p1","a":"One.","b":"Two."}\n{"id":"p2","a":1,"b":"x"}', 'pairs.jsonl:2: field "a": must be a string'],
    ['{"id":"p1","a":"One.","b":"Two.","label":2}', 'pairs.jsonl:1: field "label": must be 0 or 1'],
    ['not json', 'pairs.jsonl:1: is not valid JSON'],
  ])('%s', (text, message) => {
    expect(() => parsePairs(text, 'pairs.jsonl')).toThrow(PairsInputError);
    expect(() => parsePairs(text, 'pairs.jsonl')).toThrow(message);
  });
});
