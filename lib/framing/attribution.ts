// Who a sentence says a statement comes from, and how it is introduced: "Ushakov said",
// "told CNN", "according to the AP", "Peskov insisted".
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
  start: number;
  end: number;
}

// Reporting verbs count in these forms; bare "report"/"charge"/"call" are mostly nouns.
const IRREGULAR = new Set(['said', 'says', 'say', 'told', 'tells', 'wrote', 'writes', 'saying', 'telling']);
const S_FORMS = new Set(['claims', 'insists', 'argues', 'denies', 'warns', 'adds', 'notes', 'asserts', 'maintains', 'contends', 'acknowledges', 'admits', 'explains', 'says', 'tells']);
const PRONOUNS = /^(?:he|she|they|it|we|i|officials?|sources?|authorities|police|spokes(?:man|woman|person))$/i;

function isReportingForm(word: string): boolean {
  const lower = word.toLowerCase();
  if (IRREGULAR.has(lower) || S_FORMS.has(lower)) return true;
  if (!/(?:ed|ing)$/.test(lower)) return false;
  return isReportingVerb(lower);
}

/** Attributions of a sentence, in text order. */
export function findAttributions(text: string, names: readonly NameMention[] = extractNames(text)): Attribution[] {
  const found: Attribution[] = [];
  for (const m of text.matchAll(/\baccording to\b/gi)) {
    const start = m.index;
    const end = start + m[0].length;
    // The source is the head of the phrase after "according to": its last name before a
    // comma ("according to Russian news agency TASS" is TASS).
    const phraseEnd = end + (/[,.;:—–()]/.exec(text.slice(end))?.index ?? text.length - end);
    const inPhrase = names.filter((n) => n.start >= end && n.end <= phraseEnd);
    const speaker = inPhrase[inPhrase.length - 1]?.text ?? null;
    found.push({ verb: m[0], verbKey: 'according to', speaker, start, end });
  }
  for (const m of text.matchAll(/\p{L}+/gu)) {
    if (!isReportingForm(m[0])) continue;
    const start = m.index;
    let end = start + m[0].length;
    let verb = m[0];
    const key = stemWord(m[0].toLowerCase());
    // "told CNN", "told reporters": the audience is part of how the statement is framed.
    if (key === 'told' || key === 'tell') {
      const audience = /^\s+((?:the\s+)?(?:\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*|reporters|journalists|lawmakers|the press))/u.exec(text.slice(end));
      if (audience !== null) {
        verb = `${m[0]} ${audience[1]}`;
        end += audience[0].length;
      }
    }
    found.push({ verb, verbKey: key === 'say' ? 'said' : key, speaker: speakerNear(text, names, start, end), start, end });
  }
  return found.sort((a, b) => a.start - b.start);
}

function speakerNear(text: string, names: readonly NameMention[], start: number, end: number): string | null {
  // "Ushakov said" / "Peskov, the Kremlin spokesman, said": nearest name before, within a clause.
  const before = names.filter((n) => n.end <= start && start - n.end <= 40 && !/[.;]/.test(text.slice(n.end, start)));
  const last = before[before.length - 1];
  if (last !== undefined) return last.text;
  // "said Ushakov" / "said Dmitri Peskov, the spokesman".
  const after = names.find((n) => n.start >= end && n.start - end <= 4);
  if (after !== undefined) return after.text;
  const pronoun = /(\p{L}+)\s*$/u.exec(text.slice(Math.max(0, start - 20), start));
  if (pronoun !== null && PRONOUNS.test(pronoun[1]!)) return pronoun[1]!;
  return null;
}
