import { expect, test } from 'vitest';
import { firstOwnerLink, senseOwners } from './sense-owners.ts';

/** The terms having sense `id`, in the order the links give them. */
function owners(table: ReturnType<typeof senseOwners>, id: number): number[] {
  const terms: number[] = [];
  for (let link = firstOwnerLink(table, id); link !== -1; link = table.linkNext[link]!) terms.push(table.linkTerm[link]!);
  return terms;
}

test('senseOwners finds the terms of each sense as a map of arrays would, and no term for a sense none has', () => {
  // Enough senses to grow the table several times and make probes collide; some shared by many terms.
  let seed = 7;
  const next = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const senses = Array.from({ length: 60 }, (_, i) =>
    i % 7 === 3 ? undefined : Int32Array.from(new Set(Array.from({ length: 1 + next(5) }, () => next(150) * 1024))).sort(),
  );
  const expected = new Map<number, number[]>();
  senses.forEach((ids, term) => {
    for (const id of ids ?? []) expected.set(id, [...(expected.get(id) ?? []), term]);
  });
  const table = senseOwners(senses);
  expect(table.linkTerm.length).toBe([...expected.values()].reduce((n, terms) => n + terms.length, 0));
  for (const [id, terms] of expected) expect(owners(table, id).sort((a, b) => a - b)).toEqual(terms);
  // Ids no term has (every id above is a multiple of 1024).
  for (let id = 1; id < 150 * 1024; id += 1024) expect(owners(table, id)).toEqual([]);
  expect(owners(senseOwners([]), 5)).toEqual([]);
  expect(owners(senseOwners([undefined]), 0)).toEqual([]);
});
