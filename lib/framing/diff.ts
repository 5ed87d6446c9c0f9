// Word-level wording diff of two reports of one fact, and the changed stretches ("hunks") with
// their character offsets in both sentences, which the labels work on. The diff (jsdiff's
// algorithm: edit-script.ts) runs on the words and punctuation marks alone (half the tokens of a
// diff that counts every space, so about a quarter of the work); each token carries the spacing
// before it, so the parts rebuild both sentences exactly.
import type { DiffPart } from '../result.ts';
import { ADDED, editScript, REMOVED } from './edit-script.ts';

export interface DiffHunk {
  thisStart: number;
  thisEnd: number;
  otherStart: number;
  otherEnd: number;
  /** Wording only this article has here ('' for a pure addition by the other side). */
  thisText: string;
  otherText: string;
}

/**
 * Past this many token edits two sentences share little wording; the diff stops and reports
 * one replacement (computing the exact edit script would cost more than it tells).
 */
export const MAX_EDIT_LENGTH = 48;

const TOKEN = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/**
 * A sentence's units: its tokens (what the diff compares), and where each unit of the emitted
 * text begins: the spacing before its token, then the token (the last unit keeps the tail). Units
 * tile the sentence, so units `from` to `to` are one slice of it.
 */
interface Units {
  text: string;
  cores: string[];
  /** Unit k is text.slice(starts[k], starts[k + 1]); one more entry than units, the text's length. */
  starts: number[];
}

/** Units of recent sentences: a sentence of the page is diffed against each of its passages. */
const unitsKept = new Map<string, Units>();
const UNITS_KEPT = 512;

function units(text: string): Units {
  let kept = unitsKept.get(text);
  if (kept === undefined) {
    kept = readUnits(text);
    if (unitsKept.size >= UNITS_KEPT) unitsKept.delete(unitsKept.keys().next().value!);
    unitsKept.set(text, kept);
  }
  return kept;
}

function readUnits(text: string): Units {
  const cores: string[] = [];
  const starts = [0];
  for (const m of text.matchAll(TOKEN)) {
    cores.push(m[0]);
    starts.push(m.index + m[0].length);
  }
  // No token: the whole text is one unit with nothing to compare ('' has no unit at all).
  if (cores.length === 0) return text === '' ? { text, cores, starts } : { text, cores: [''], starts: [0, text.length] };
  starts[starts.length - 1] = text.length;
  return { text, cores, starts };
}

function push(parts: DiffPart[], value: string, kind: 'same' | 'added' | 'removed'): void {
  if (value === '') return;
  const last = parts[parts.length - 1];
  const lastKind = last === undefined ? null : last.added ? 'added' : last.removed ? 'removed' : 'same';
  if (last !== undefined && lastKind === kind) {
    last.value += value;
    return;
  }
  const part: DiffPart = { value };
  if (kind === 'added') part.added = true;
  if (kind === 'removed') part.removed = true;
  parts.push(part);
}

/**
 * A lower bound of the edits (insertions plus deletions, as jsdiff counts them) between two
 * token lists: a token one side has more often must be inserted or deleted that many times.
 * Above MAX_EDIT_LENGTH editScript (like jsdiff) would give up after trying every shorter edit
 * script, the costliest diff of all; the bound says so at once, with the same outcome.
 */
function editsAtLeast(mine: readonly string[], theirs: readonly string[]): number {
  const surplus = new Map<string, number>();
  for (const core of mine) surplus.set(core, (surplus.get(core) ?? 0) + 1);
  for (const core of theirs) surplus.set(core, (surplus.get(core) ?? 0) - 1);
  let edits = 0;
  for (const n of surplus.values()) edits += Math.abs(n);
  return edits;
}

/** Units `from` to `to` (exclusive) as written. */
function joined(units: Units, from: number, to: number): string {
  return units.text.slice(units.starts[from]!, units.starts[to]!);
}

/** Word diff: `removed` parts are only in this article, `added` parts only in the other. */
export function diffWording(thisText: string, otherText: string): DiffPart[] {
  const mine = units(thisText);
  const theirs = units(otherText);
  const changes = editsAtLeast(mine.cores, theirs.cores) > MAX_EDIT_LENGTH ? undefined : editScript(mine.cores, theirs.cores, MAX_EDIT_LENGTH);
  const parts: DiffPart[] = [];
  if (changes === undefined) {
    push(parts, thisText, 'removed');
    push(parts, otherText, 'added');
    return parts;
  }
  let i = 0;
  let j = 0;
  for (const { kind, count: n } of changes) {
    if (kind === ADDED) {
      push(parts, joined(theirs, j, j + n), 'added');
      j += n;
    } else if (kind === REMOVED) {
      push(parts, joined(mine, i, i + n), 'removed');
      i += n;
    } else {
      const a = joined(mine, i, i + n);
      const b = joined(theirs, j, j + n);
      // Same words with other spacing (a line break for a space): kept exact on both sides.
      if (a === b) push(parts, a, 'same');
      else {
        push(parts, a, 'removed');
        push(parts, b, 'added');
      }
      i += n;
      j += n;
    }
  }
  return parts;
}

/** Groups consecutive changed parts into hunks, with offsets into both sentences. */
export function diffHunks(thisText: string, otherText: string, parts: readonly DiffPart[]): DiffHunk[] {
  const hunks: DiffHunk[] = [];
  let thisAt = 0;
  let otherAt = 0;
  let open: DiffHunk | null = null;
  const close = (): void => {
    if (open === null) return;
    open.thisText = thisText.slice(open.thisStart, open.thisEnd).trim();
    open.otherText = otherText.slice(open.otherStart, open.otherEnd).trim();
    if (open.thisText !== '' || open.otherText !== '') hunks.push(open);
    open = null;
  };
  for (const part of parts) {
    const length = part.value.length;
    if (!part.added && !part.removed) {
      // Whitespace-only sameness does not split a change in two.
      if (open !== null && part.value.trim() === '') {
        thisAt += length;
        otherAt += length;
        continue;
      }
      close();
      thisAt += length;
      otherAt += length;
      continue;
    }
    open ??= { thisStart: thisAt, thisEnd: thisAt, otherStart: otherAt, otherEnd: otherAt, thisText: '', otherText: '' };
    if (part.removed) {
      thisAt += length;
      open.thisEnd = thisAt;
    } else {
      otherAt += length;
      open.otherEnd = otherAt;
    }
  }
  close();
  return hunks.map((hunk) => trimHunk(hunk, thisText, otherText));
}

function trimRange(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return [s, e];
}

function trimHunk(hunk: DiffHunk, thisText: string, otherText: string): DiffHunk {
  const [thisStart, thisEnd] = trimRange(thisText, hunk.thisStart, hunk.thisEnd);
  const [otherStart, otherEnd] = trimRange(otherText, hunk.otherStart, hunk.otherEnd);
  return { ...hunk, thisStart, thisEnd, otherStart, otherEnd };
}
