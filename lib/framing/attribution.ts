// Who a sentence says a statement comes from, and how it is introduced: "Ushakov said",
// "told CNN", "according to the AP", "Peskov insisted".
import { rememberedByWord } from './word-memo.ts';
import { stemWord } from '../text/normalize.ts';
import { extractNames, type NameMention } from '../facts/names.ts';
import { isReportingVerb } from './lexicon.ts';

export interface Attribution {
  /** The reporting verb or phrase as written ("insisted", "according to", "told CNN"). */
  verb: string;
  /** Stem of the verb, for comparing ("insist"); "according to" for that phrase. */
  verbKey: string;
  /** The source, as written, when the sentence names one near the verb. */
  speaker: string | null;
  /** Folded words of the speaker's name, to tell the same source written two ways. */
  speakerParts: string[];
  start: number;
  end: number;
  /**
   * The whole attribution, source and verb ("according to Russian news agency TASS", "Yuri
   * Ushakov said"): what a label about it explains, so no other label repeats it.
   */
  phraseStart: number;
  phraseEnd: number;
}

// Reporting verbs count in these forms; bare "report"/"charge"/"call" are mostly nouns.
const IRREGULAR = new Set(['said', 'says', 'say', 'told', 'tells', 'wrote', 'writes', 'saying', 'telling']);
const S_FORMS = new Set(['claims', 'insists', 'argues', 'denies', 'warns', 'adds', 'notes', 'asserts', 'maintains', 'contends', 'acknowledges', 'admits', 'explains', 'says', 'tells']);
// Who may stand for a source the sentence does not name ("a move experts warn could").
const PRONOUNS = /^(?:he|she|they|it|we|i|officials?|sources?|authorities|police|spokes(?:man|woman|person)|experts?|analysts?|critics?|aides?|advisers?|advisors?|diplomats?|lawmakers|witnesses|residents)$/i;
// "was warned", "were charged", "is expected": the subject is acted on, nobody is being quoted.
const PASSIVE_BEFORE = /\b(?:is|are|was|were|be|been|being|get|got|gets)\s+(?:\p{L}+ly\s+)?$/iu;
const PREPOSITION_BEFORE = /\b(?:to|with|of|for|from|about|against|by|on|at|in|into|over|toward|towards|between|than)\s+$/i;
const ANNOUNCES_STATEMENT = /^\s+(?:on\s+\p{L}+\s+)?that\s+(?!(?:it|they|he|she|we|its|their|his|her|our)\b)/iu;
// An auxiliary just before the verb ("governments have accused"): not a role word of the source.
const AUXILIARY_END = /\s(?:have|has|had|is|are|was|were|will|would|did|does|do)\s+$/u;
// Adverbs that may stand between a source and its verb ("later", "also", "quickly").
const ROLE_ADVERB = /\b(?:later|earlier|also|then|now|today|yesterday|again|once|still|never|first|previously|\p{Ll}+ly)\b/u;
// "responding to reports", "replying to a letter": what the source answers, not a statement.
const ANSWERS_TO = /^\s+to\b/i;

/** Whether a word is a reporting form, remembered by its text (every word of every sentence read is asked; most recur). */
const isReportingForm = rememberedByWord((word) => {
  const lower = word.toLowerCase();
  return IRREGULAR.has(lower) || S_FORMS.has(lower) || (/(?:ed|ing)$/.test(lower) && isReportingVerb(lower));
});

/** Attributions of a sentence, in text order; `quoted` are its quotedRanges. */
export function findAttributions(text: string, names: readonly NameMention[] = extractNames(text), quoted: readonly (readonly [number, number])[] = quotedRanges(text)): Attribution[] {
  const found: Attribution[] = [];
  for (const m of text.matchAll(/\baccording to\b/gi)) {
    const start = m.index;
    const end = start + m[0].length;
    // The source is the head of the phrase after "according to": its last name before a
    // comma ("according to Russian news agency TASS" is TASS).
    const phraseEnd = end + (/[,.;:—–()]/.exec(text.slice(end))?.index ?? text.length - end);
    const inPhrase = names.filter((n) => n.start >= end && n.end <= phraseEnd);
    const head = inPhrase[inPhrase.length - 1];
    const speaker = head?.text ?? null;
    found.push({ verb: m[0], verbKey: 'according to', speaker, speakerParts: partsOf(names, speaker), start, end, phraseStart: start, phraseEnd: head?.end ?? end });
  }
  for (const m of text.matchAll(/\p{L}+/gu)) {
    if (!isReportingForm(m[0])) continue;
    const start = m.index;
    // Inside a quotation the verb is the speaker's own ("As the president himself confirmed"):
    // the outlet attributes the quotation, not the words in it.
    if (quoted.some(([s, e]) => s < start && start < e)) continue;
    if (PASSIVE_BEFORE.test(text.slice(Math.max(0, start - 30), start))) continue;
    if (/ing$/i.test(m[0]) && ANSWERS_TO.test(text.slice(start + m[0].length))) continue;
    // "Russia announced it would expel 60 diplomats", "announced the expulsions": announcing
    // one's own act is the act, not a source for it. Only "announced that" with another subject
    // ("announced that Trump will attend") reports a statement.
    if (/^announc/i.test(m[0]) && !ANNOUNCES_STATEMENT.test(text.slice(start + m[0].length))) continue;
    let end = start + m[0].length;
    let verb = m[0];
    const key = stemWord(m[0].toLowerCase());
    // "told CNN", "told reporters", "told Russian news agencies": the audience is part of how
    // the statement is framed; lower-case words after capitalised ones ("news agencies") belong
    // to it until a function word ("that", "on") ends the phrase.
    if (key === 'told' || key === 'tell') {
      const audience = /^\s+((?:the\s+)?(?:\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*(?:\s+(?!(?:that|on|in|at|about|the|a|an|and|but|he|she|they|it|this|last|on|after|before|during|when|while|what|how|why|if|is|was|were|are|by|for|from|of|to|with)\b)\p{Ll}+){0,2}|reporters|journalists|lawmakers|the press))/u.exec(text.slice(end));
      if (audience !== null) {
        verb = `${m[0]} ${audience[1]}`;
        end += audience[0].length;
      }
    }
    const speaker = speakerNear(text, names, quoted, start, end);
    const [phraseStart, phraseEnd] = phraseOf(text, speaker, start, end);
    found.push({ verb, verbKey: key === 'say' ? 'said' : key, speaker, speakerParts: partsOf(names, speaker), start, end, phraseStart, phraseEnd });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Stretches between quotation marks (curly pairs, or straight marks taken in turn). */
export function quotedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(/“[^”]*(?:”|$)|"[^"]*(?:"|$)/g)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

/** The verb with its speaker where the speaker is written next to it ("Ushakov said", "said Ushakov"). */
function phraseOf(text: string, speaker: string | null, start: number, end: number): [number, number] {
  if (speaker === null) return [start, end];
  const before = text.lastIndexOf(speaker, start);
  // Within the clause: "Peskov, the Kremlin spokesman, said" but not a name sentences earlier.
  if (before !== -1 && start - (before + speaker.length) <= 40 && !/[.;]/.test(text.slice(before + speaker.length, start))) return [before, end];
  const after = text.indexOf(speaker, end);
  if (after !== -1 && after - end <= 4) return [start, after + speaker.length];
  return [start, end];
}

function partsOf(names: readonly NameMention[], speaker: string | null): string[] {
  if (speaker === null) return [];
  // Only named sources compare: "he" or "experts" on two sides need not be the same people.
  return names.find((n) => speaker === n.text || speaker.endsWith(` ${n.text}`) || speaker.includes(`${n.text} `))?.parts ?? [];
}

function speakerNear(text: string, names: readonly NameMention[], quoted: readonly (readonly [number, number])[], start: number, end: number): string | null {
  // "Ushakov said" / "Peskov, the Kremlin spokesman, said": nearest name before, within a clause.
  // A name after a preposition ("an invitation to Putin, said") is not who speaks.
  // "the president told reporters": an unnamed subject right before the verb is the speaker,
  // not a name further back ("congratulating Putin — the president told").
  const subject = /\b(?:the|a|an)\s+(?:\p{Ll}+\s+){0,2}\p{Ll}+\s+$/u.exec(text.slice(Math.max(0, start - 40), start));
  if (subject !== null) return subject[0].trim();
  // "Sanders, responding to reports that Trump had invited Putin, said": the name before a
  // clause set off by commas is the subject, however long the clause.
  if (/,\s*$/.test(text.slice(0, start))) {
    const subject = names.filter((n) => n.end < start && /^,/.test(text.slice(n.end)) && (text.slice(n.end, start).match(/,/g) ?? []).length === 2 && !/[.;]/.test(text.slice(n.end, start)));
    const head = subject[subject.length - 1];
    if (head !== undefined) return head.text;
  }
  // A name inside the quotation ("“I hope the Americans won’t,” he said") is not who speaks.
  const before = names.filter(
    (n) =>
      n.end <= start &&
      start - n.end <= 40 &&
      !/[.;]/.test(text.slice(n.end, start)) &&
      !PREPOSITION_BEFORE.test(text.slice(Math.max(0, n.start - 12), n.start)) &&
      !quoted.some(([s, e]) => s < n.start && n.start < e),
  );
  const last = before[before.length - 1];
  if (last !== undefined) {
    // "a Kremlin aide told": the name with the role words between it and the verb.
    // An auxiliary before the verb ends the source: "U.S. governments have accused".
    const between = text.slice(last.end, start).replace(AUXILIARY_END, ' ');
    const role = /^\s+(?:\p{Ll}+\s+){1,2}$/u.exec(between);
    // An adverb between them is no role: "the Washington Post later reported" is the Post.
    if (role === null || ROLE_ADVERB.test(role[0])) return last.text;
    const article = /\b(?:a|an|the)\s+$/i.exec(text.slice(0, last.start));
    return text.slice(article?.index ?? last.start, last.end + between.trimEnd().length).trim();
  }
  // "said Ushakov" / "said Dmitri Peskov, the spokesman".
  const after = names.find((n) => n.start >= end && n.start - end <= 4);
  if (after !== undefined) return after.text;
  const pronoun = /(\p{L}+)\s*$/u.exec(text.slice(Math.max(0, start - 20), start));
  if (pronoun !== null && PRONOUNS.test(pronoun[1]!)) return pronoun[1]!;
  return null;
}
