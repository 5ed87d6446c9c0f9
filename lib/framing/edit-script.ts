// The shortest edit script between two token lists, as jsdiff's diffArrays finds it (Myers'
// greedy algorithm with jsdiff's choices: the same branch taken at every tie, the same diagonals
// pruned at the edges), on tokens compared with === rather than through a callback. Wording
// diffs are made for every pair of sentences fact alignment pairs up; here the paths live in
// typed arrays, so a diff allocates a few arrays, not an object per step. The result is jsdiff's
// change list, run by run; edit-script.test.ts checks it against the package.

/** Runs of one kind of change, in order: kind (SAME, ADDED, REMOVED) and token count. */
export interface EditRun {
  kind: number;
  count: number;
}

export const SAME = 0;
export const ADDED = 1;
export const REMOVED = 2;

/** Run records of the paths explored, shared by all diffs (a diff's runs are read before the next starts). */
let runKind = new Int8Array(1024);
let runCount = new Int32Array(1024);
let runPrevious = new Int32Array(1024);
let runs = 0;

function newRun(kind: number, count: number, previous: number): number {
  if (runs === runKind.length) {
    const grow = <T extends Int8Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(a.length * 2);
      b.set(a);
      return b;
    };
    runKind = grow(runKind, (n) => new Int8Array(n));
    runCount = grow(runCount, (n) => new Int32Array(n));
    runPrevious = grow(runPrevious, (n) => new Int32Array(n));
  }
  runKind[runs] = kind;
  runCount[runs] = count;
  runPrevious[runs] = previous;
  return runs++;
}

/** A path one step further (jsdiff's addToPath): the last run grows when it is of the same kind. */
function extend(last: number, kind: number): number {
  if (last !== -1 && runKind[last] === kind) return newRun(kind, runCount[last]! + 1, runPrevious[last]!);
  return newRun(kind, 1, last);
}

/**
 * The edits turning `mine` into `theirs`, or undefined past `maxEdits` edits (insertions plus
 * deletions), exactly as `diffArrays(mine, theirs, { maxEditLength: maxEdits })` would give them.
 */
export function editScript<T>(mine: ArrayLike<T>, theirs: ArrayLike<T>, maxEdits: number): EditRun[] | undefined {
  runs = 0;
  const oldLen = mine.length;
  const newLen = theirs.length;
  const limit = Math.min(newLen + oldLen, maxEdits);
  // Paths by diagonal (offset by `limit + 1`): how far each reached in `mine`, and its last run.
  const width = 2 * limit + 3;
  const offset = limit + 1;
  const oldPos = new Int32Array(width);
  const lastRun = new Int32Array(width);
  const live = new Uint8Array(width);
  oldPos[offset] = -1;
  lastRun[offset] = -1;
  live[offset] = 1;
  let newPos = follow(mine, theirs, oldPos, lastRun, offset, 0);
  if (oldPos[offset]! + 1 >= oldLen && newPos + 1 >= newLen) return collect(lastRun[offset]!);
  let minDiagonal = -Infinity;
  let maxDiagonal = Infinity;
  for (let edits = 1; edits <= limit; edits++) {
    for (let d = Math.max(minDiagonal, -edits); d <= Math.min(maxDiagonal, edits); d += 2) {
      const removeAt = d - 1 + offset;
      const addAt = d + 1 + offset;
      const canRemovePath = live[removeAt] === 1;
      const removeOld = oldPos[removeAt]!;
      const removeLast = lastRun[removeAt]!;
      if (canRemovePath) live[removeAt] = 0;
      let canAdd = false;
      if (live[addAt] === 1) {
        const addNew = oldPos[addAt]! - d;
        canAdd = 0 <= addNew && addNew < newLen;
      }
      const canRemove = canRemovePath && removeOld + 1 < oldLen;
      const at = d + offset;
      if (!canAdd && !canRemove) {
        live[at] = 0;
        continue;
      }
      if (!canRemove || (canAdd && removeOld < oldPos[addAt]!)) {
        oldPos[at] = oldPos[addAt]!;
        lastRun[at] = extend(lastRun[addAt]!, ADDED);
      } else {
        oldPos[at] = removeOld + 1;
        lastRun[at] = extend(removeLast, REMOVED);
      }
      live[at] = 1;
      newPos = follow(mine, theirs, oldPos, lastRun, at, d);
      if (oldPos[at]! + 1 >= oldLen && newPos + 1 >= newLen) return collect(lastRun[at]!);
      if (oldPos[at]! + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, d - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, d + 1);
    }
  }
  return undefined;
}

/**
 * Follows diagonal `d` (slot `at`) while the tokens agree, recording the run of equal tokens;
 * returns the position reached in `theirs` (jsdiff's extractCommon).
 */
function follow<T>(mine: ArrayLike<T>, theirs: ArrayLike<T>, oldPos: Int32Array, lastRun: Int32Array, at: number, d: number): number {
  let o = oldPos[at]!;
  let n = o - d;
  const start = o;
  while (n + 1 < theirs.length && o + 1 < mine.length && mine[o + 1] === theirs[n + 1]) {
    n++;
    o++;
  }
  if (o > start) lastRun[at] = newRun(SAME, o - start, lastRun[at]!);
  oldPos[at] = o;
  return n;
}

function collect(last: number): EditRun[] {
  const out: EditRun[] = [];
  for (let r = last; r !== -1; r = runPrevious[r]!) out.push({ kind: runKind[r]!, count: runCount[r]! });
  return out.reverse();
}
