// Word-level wording diff of two reports of one fact (jsdiff, whitespace kept as tokens so
// the parts rebuild both sentences exactly), and the changed stretches
// ("hunks") with their character offsets in both sentences, which the labels work on.
import { diffWordsWithSpace } from 'diff';
import type { DiffPart } from '../result.ts';

export interface DiffHunk {
  thisStart: number;
  thisEnd: number;
  otherStart: number;
  otherEnd: number;
  /** Wording only this article has here ('' for a pure addition by the other side). */
  thisText: string;
  otherText: string;
}

/** Word diff: `removed` parts are only in this article, `added` parts only in the other. */
export function diffWording(thisText: string, otherText: string): DiffPart[] {
  return diffWordsWithSpace(thisText, otherText).map((change) => {
    const part: DiffPart = { value: change.value };
    if (change.added) part.added = true;
    if (change.removed) part.removed = true;
    return part;
  });
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
