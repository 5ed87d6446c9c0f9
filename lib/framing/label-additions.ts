// Addition labels: a changed stretch where one version reports something the other leaves out.
import { foldedWords } from '../text/normalize.ts';
import { CONTENT_STOPWORDS, SEED_STOPWORDS } from '../text/stopwords.ts';
import { quote, type FramingPair, type Side } from './label-sink.ts';
import { eachWordBetween, wordsIn, type SentenceReading, type Word } from './sentence-reading.ts';

/** An addition counts once it brings at least this many content words. */
const ADDITION_MIN_CONTENT_WORDS = 3;

/** Content words of a stretch; two-letter words ("Mr", "St") carry no content of their own. */
function contentWordCount(text: string): number {
  return foldedWords(text).filter((w) => w.length > 2 && !CONTENT_STOPWORDS.has(w)).length;
}

/** Whether each word of a sentence read (sentence-reading.ts) has content, by word index, found when first needed. */
const contentful = new WeakMap<SentenceReading, (boolean | undefined)[]>();

/** Content words of a side's stretch that no other label already explains. */
function unexplained(pair: FramingPair, side: Side, start: number, end: number): number {
  const reading = pair.reading[side];
  let known = contentful.get(reading);
  if (known === undefined) contentful.set(reading, (known = []));
  let count = 0;
  eachWordBetween(pair.text[side], reading, start, end, (w, index) => {
    const content = index === -1 ? contentWordCount(w.text) > 0 : (known[index] ??= contentWordCount(w.text) > 0);
    if (content && !pair.sink.explains(side, w.start, w.end)) count++;
  });
  return count;
}

/** A stretch without the function words and punctuation at its edges ("and closed consulates ..." → "closed consulates ..."). */
function core(text: string): string {
  const words = wordsIn(text, 0, text.length).filter((w) => !CONTENT_STOPWORDS.has(w.text.toLowerCase()));
  return words.length === 0 ? text : text.slice(words[0]!.start, words[words.length - 1]!.end);
}

/**
 * NLTK's function words only: the longer content list holds "well", "goes", which an addition
 * may need ("everything goes well").
 */
function functionWord(w: Word): boolean {
  return SEED_STOPWORDS.has(w.text.toLowerCase());
}

/**
 * What an addition adds: its stretch without the words at its edges that the rival stretch has
 * too. A diff may pair "I hope" with "If everything goes well, I hope that"; the addition is
 * "everything goes well", not "everything goes well, I hope".
 */
function added(text: string, rival: string): string {
  const shared = new Set(foldedWords(rival));
  const sharedWord = (w: Word): boolean => foldedWords(w.text).every((f) => shared.has(f));
  const words = wordsIn(text, 0, text.length);
  let first = 0;
  let last = words.length - 1;
  for (;;) {
    while (first <= last && functionWord(words[first]!)) first++;
    if (first > last || !sharedWord(words[first]!)) break;
    first++;
  }
  for (;;) {
    while (last >= first && functionWord(words[last]!)) last--;
    if (last < first || !sharedWord(words[last]!)) break;
    last--;
  }
  return first > last ? core(text) : text.slice(words[first]!.start, words[last]!.end);
}

export function labelAdditions(pair: FramingPair): void {
  const { thisName, otherName } = pair.sides;
  for (const hunk of pair.hunks) {
    if (contentWordCount(hunk.otherText) <= 1 && unexplained(pair, 'this', hunk.thisStart, hunk.thisEnd) >= ADDITION_MIN_CONTENT_WORDS) {
      pair.sink.add(
        { kind: 'addition', side: 'this', thisText: hunk.thisText, otherText: hunk.otherText, note: `${thisName} adds ${quote(added(hunk.thisText, hunk.otherText))}` },
        [{ side: 'this', start: hunk.thisStart, end: hunk.thisEnd }],
      );
    } else if (contentWordCount(hunk.thisText) <= 1 && unexplained(pair, 'other', hunk.otherStart, hunk.otherEnd) >= ADDITION_MIN_CONTENT_WORDS) {
      pair.sink.add(
        { kind: 'addition', side: 'other', thisText: hunk.thisText, otherText: hunk.otherText, note: `${otherName} adds ${quote(added(hunk.otherText, hunk.thisText))}` },
        [{ side: 'other', start: hunk.otherStart, end: hunk.otherEnd }],
      );
    }
  }
}
