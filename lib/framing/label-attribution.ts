// Attribution labels: the versions name different sources for a statement, or introduce one
// source differently ("insisted" where the other has "said").
import { foldedWords } from '../text/normalize.ts';
import { CONTENT_STOPWORDS } from '../text/stopwords.ts';
import type { Attribution } from './attribution.ts';
import { isStanceVerb, loadedStrength } from './lexicon.ts';
import { quote, type FramingPair, type Side, type Span } from './label-sink.ts';
import type { SentenceReading } from './sentence-reading.ts';

/** Speakers match when one name's words contain the other's surname ("Dmitri S. Peskov", "Peskov"). */
function sameSpeaker(a: Attribution, b: Attribution): boolean {
  if (a.speakerParts.length === 0 || b.speakerParts.length === 0) return false;
  return b.speakerParts.includes(a.speakerParts[a.speakerParts.length - 1]!) || a.speakerParts.includes(b.speakerParts[b.speakerParts.length - 1]!);
}

/** The reporting verb's first word ("told" of "told CNN"): the word that may carry a stance. */
function verbWord(a: Attribution): string {
  return a.verb.split(/\s+/)[0]!;
}

/**
 * A stance verb the lexicon rates evaluative ("blasted", "mocked", "insisted", "dismissed"):
 * the outlet judges the statement by introducing it so. Other stance verbs ("urged",
 * "confirmed", "declared") mostly name another speech act than "said" does, not a judgment.
 */
function isEvaluativeStance(a: Attribution): boolean {
  return isStanceVerb(verbWord(a)) && loadedStrength(verbWord(a)) > 0;
}

/** "Yuri Ushakov ('told reporters')", or the verb alone when the sentence names no source. */
function source(a: Attribution): string {
  return a.speaker === null ? quote(a.verb) : `${a.speaker} (${quote(a.verb)})`;
}

/** Only the evaluative verbs are marked as word choice. */
function flag(side: Side, list: readonly Attribution[]): Span[] {
  return list.filter(isEvaluativeStance).map((a) => ({ side, start: a.start, end: a.start + verbWord(a).length }));
}

function named(list: readonly Attribution[]): Attribution[] {
  return list.filter((a) => a.speakerParts.length > 0);
}

function secondHand(a: Attribution): boolean {
  return a.verbKey === 'according to';
}

/**
 * Someone described, not named ("a Kremlin aide"), may be the person the other version names
 * ("the Kremlin foreign policy adviser, Yuri Ushakov") where the other version's wording has a
 * word of the description; not where it has none ("The White House said").
 */
function mayBeNamedIn(a: Attribution, rival: SentenceReading): boolean {
  if (a.speaker === null || !/^an?\s/i.test(a.speaker)) return false;
  return foldedWords(a.speaker).some((w) => w.length > 2 && !CONTENT_STOPWORDS.has(w) && rival.folded.includes(w));
}

/**
 * A version that quotes someone it does not name ("he said") may mean the source the other
 * names: only second-hand sourcing ("according to TASS") differs for sure then.
 */
function unnamedSpeaker(list: readonly Attribution[], rival: SentenceReading): boolean {
  return list.some((a) => (a.speakerParts.length === 0 || mayBeNamedIn(a, rival)) && !secondHand(a));
}

/** Sources one version names and the other does not. */
function onlyIn(list: readonly Attribution[], own: SentenceReading, rivalList: readonly Attribution[], rival: SentenceReading): Attribution[] {
  return named(list).filter(
    (a) =>
      !rivalList.some((b) => sameSpeaker(a, b)) &&
      (secondHand(a) || !unnamedSpeaker(rivalList, own)) &&
      !(mayBeNamedIn(a, rival) && named(rivalList).some((b) => !secondHand(b))),
  );
}

function sources(attributions: readonly Attribution[]): string {
  return [...new Set(attributions.map(source))].join(', ');
}

/**
 * Attribution differs when the versions name different sources for the statement, or the same
 * source with an evaluative verb ("insisted", "dismissed") where the other only reports
 * ("said"). Two neutral verbs for one source ("said", "told reporters") do not differ. Only
 * the evaluative verbs are marked as word choice: which source a version names is not a choice
 * of words, and the label reports the source's phrase (so no addition label repeats it).
 */
export function labelAttribution(pair: FramingPair): void {
  const { sink } = pair;
  const { thisName, otherName } = pair.sides;
  const { this: mineRead, other: theirsRead } = pair.reading;
  const mine = mineRead.attributions;
  const theirs = theirsRead.attributions;
  if (mine.length === 0 && theirs.length === 0) return;
  // Who is quoted is this label's business: a source one version names is reported below, and
  // one both versions name ("Kremlin aide Yury Ushakov said" / "he said") is no addition.
  for (const a of mine) sink.explain('this', a.phraseStart, a.phraseEnd);
  for (const a of theirs) sink.explain('other', a.phraseStart, a.phraseEnd);
  const onlyMine = onlyIn(mine, mineRead, theirs, theirsRead);
  const onlyTheirs = onlyIn(theirs, theirsRead, mine, mineRead);
  if (onlyMine.length > 0 || onlyTheirs.length > 0) {
    const side = onlyMine.length > 0 && onlyTheirs.length > 0 ? 'both' : onlyMine.length > 0 ? 'this' : 'other';
    let note: string;
    if (side === 'both') note = `${thisName} attributes this to ${sources(onlyMine)}; ${otherName} to ${sources(onlyTheirs)}`;
    else {
      const [name, only, rivalName, rival] = side === 'this' ? [thisName, onlyMine, otherName, theirs] : [otherName, onlyTheirs, thisName, mine];
      note = rival.length === 0 ? `${name} attributes this to ${sources(only)}; ${rivalName} names no source` : `${name} also attributes this to ${sources(only)}`;
    }
    sink.add(
      { kind: 'attribution', side, thisText: onlyMine.map((a) => a.verb).join(', '), otherText: onlyTheirs.map((a) => a.verb).join(', '), note },
      [...flag('this', onlyMine), ...flag('other', onlyTheirs)],
    );
  }
  // One source, introduced with an evaluative verb on one side only.
  // Sources the sentences do not name (a sentence-initial "Peskov said") pair up when each
  // version has one attribution only.
  const onlyOneEach = mine.length === 1 && theirs.length === 1;
  for (const a of mine) {
    const b = theirs.find((t) => sameSpeaker(a, t) || (onlyOneEach && a.speakerParts.length === 0 && t.speakerParts.length === 0));
    if (b === undefined || isEvaluativeStance(a) === isEvaluativeStance(b) || verbWord(a).toLowerCase() === verbWord(b).toLowerCase()) continue;
    // The version that takes the stance speaks first: "NBC News has Peskov 'insisted' where ...".
    const [name, stance, rivalName, plain] = isEvaluativeStance(a) ? [thisName, a, otherName, b] : [otherName, b, thisName, a];
    const who = stance.speakerParts.length > 0 && stance.speaker !== null ? `${stance.speaker} ` : '';
    sink.add(
      {
        kind: 'attribution',
        side: isEvaluativeStance(a) ? 'this' : 'other',
        thisText: a.verb,
        otherText: b.verb,
        note: `${name} has ${who}${quote(stance.verb)} where ${rivalName} has ${quote(plain.verb)}`,
      },
      [...flag('this', [a]), ...flag('other', [b])],
    );
  }
}
