import { expect, test } from 'vitest';
import { QueryTermTable } from './query-terms.ts';

test('every weight of every query term is found by one probe, and terms not in the query are not', () => {
  // Ids spread and clustered alike, more than one table's worth of home slots (collisions probe on).
  const weights = new Map<number, number>();
  for (let id = 0; id < 300; id++) weights.set(id * 7919, id + 0.5);
  const headline = new Map([[7919, 2], [123_456_789, 3]]);
  const lead = new Map([[0, 1.25], [15_838, 4]]);
  const facts = new Map([[999_999, 6.5]]);
  const table = new QueryTermTable({ weights, headline, lead, facts });
  for (const [id, w] of weights) expect(table.weight[table.slot(id)]).toBe(w);
  expect(table.headline[table.slot(7919)]).toBe(2);
  // A headline term the query vector lacks: in the table, without a vector weight.
  expect(table.headline[table.slot(123_456_789)]).toBe(3);
  expect(table.weight[table.slot(123_456_789)]).toBeNaN();
  expect(table.lead[table.slot(15_838)]).toBe(4);
  expect(table.lead[table.slot(7919)]).toBeNaN();
  expect(table.fact[table.slot(999_999)]).toBe(1);
  expect(table.fact[table.slot(0)]).toBe(0);
  for (const id of [1, 7918, 7920, 2 ** 31 - 1, 300 * 7919]) expect(table.slot(id)).toBe(-1);
});

test('an empty query holds no term', () => {
  const none = new Map<number, number>();
  const table = new QueryTermTable({ weights: none, headline: none, lead: none, facts: none });
  expect(table.slot(0)).toBe(-1);
  expect(table.slot(42)).toBe(-1);
});

test('terms only the headline, lead or facts hold count toward its size: the table is at most half full', () => {
  const weights = new Map([[1, 0.5], [2, 0.25]]);
  const headline = new Map([[2, 1], [1001, 2], [1002, 3]]);
  const lead = new Map([[1, 1.5], [5001, 2.5], [5002, 3.5]]);
  const facts = new Map([[1001, 1], [9001, 1], [9002, 1], [9003, 1]]);
  const table = new QueryTermTable({ weights, headline, lead, facts });
  // 2 vector terms and 7 only the other parts hold (no more than a small table holds, so a miscount shows here rather than as a full table's endless probe).
  expect(table.fact.length).toBeGreaterThanOrEqual(2 * 9);
  for (const [id, w] of headline) expect(table.headline[table.slot(id)]).toBe(w);
  for (const [id, w] of lead) expect(table.lead[table.slot(id)]).toBe(w);
  for (const id of facts.keys()) expect(table.fact[table.slot(id)]).toBe(1);
});
