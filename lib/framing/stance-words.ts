// Word lists of stance that AFINN and Pattern leave out, each written from a published category
// (the categories are cited; the lists are this project's own). lexicon.ts reads them beside
// its own stance list: a word here is loaded where one outlet writes it and the other outlet's
// article never does.

/**
 * Verbs that judge the person they are about, in their marked forms: Levin's judgment verbs
 * ("English Verb Classes and Alternations", 1993, class 33) without the plain heads of the class
 * ("criticize", "praise", "blame", "condemn"), which report the act, and without the
 * institutional acts ("indict", "sentence", "pardon"), which name what happened; with the attack
 * verbs of headline English that stand for "criticize" (Bell, "The Language of News Media",
 * 1991). Matched in their inflected forms only ("trashed", "assailing"): a bare "trash" or
 * "bash" is more often a noun.
 */
export const JUDGING_VERBS: readonly string[] = [
  'castigate', 'excoriate', 'lambaste', 'chastise', 'deride', 'disparage', 'denigrate', 'vilify',
  'decry', 'rebuke', 'reprimand', 'scold', 'scorn', 'upbraid', 'pillory', 'assail', 'extol', 'laud',
  'acclaim', 'trash', 'bash', 'skewer', 'seethe', 'gloat', 'demagogue',
];

/**
 * Nouns that judge what they name where a plain noun names the same thing: people as someone's
 * instruments ("henchmen" for "aides"), words as attacks ("diatribe" for "speech"), a reaction
 * as tumult ("uproar" for "criticism"), an act as concealment ("cover-up"). The bias-inducing
 * labelling nouns of Recasens et al., "Linguistic Models for Analyzing and Detecting Biased
 * Language", ACL 2013 (their examples: "regime", "scheme", already in lexicon.ts).
 */
export const JUDGING_NOUNS: readonly string[] = [
  'henchman', 'henchmen', 'crony', 'cronies', 'minion', 'lackey', 'stooge', 'mouthpiece',
  'apparatchik', 'zealot', 'ideologue', 'firebrand', 'diatribe', 'harangue', 'screed', 'broadside',
  'uproar', 'furor', 'furore', 'maelstrom', 'frenzy', 'fracas', 'brouhaha', 'kerfuffle', 'debacle',
  'fiasco', 'cover-up', 'whitewash', 'payback', 'vendetta', 'witch-hunt',
];

/**
 * Amplifiers of manner (Quirk et al., "A Comprehensive Grammar of the English Language", 1985,
 * 8.104-8.111) that a reporter adds to a verb of saying or acting: "sharply criticized" for
 * "criticized", "vehemently denied" for "denied". They grade an act the plain verb reports
 * without a judgment.
 */
export const MANNER_AMPLIFIERS: readonly string[] = [
  'sharply', 'bitterly', 'harshly', 'angrily', 'furiously', 'fiercely', 'vigorously', 'vehemently',
  'forcefully', 'scathingly', 'pointedly', 'stridently', 'unabashedly', 'brazenly', 'flatly',
  'bluntly', 'savagely', 'relentlessly', 'aggressively', 'profanely', 'defiantly', 'sternly',
];
