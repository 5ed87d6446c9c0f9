// Text processing for every engine stage: folding, content words, sentences, tokens.
export { normalizeText, foldedWords, normalizeLikeSeed, contentWords, contentTerms, stemWord } from './normalize.ts';
export { segmentSentences, WINDOW_WORDS, WINDOW_STEP } from './segment.ts';
export { tokenize, type Token, type TokenKind } from './tokenize.ts';
export { SEED_STOPWORDS, CONTENT_STOPWORDS } from './stopwords.ts';
export { backgroundShare, backgroundRankClass, backgroundShareOfClass, NO_BACKGROUND_CLASS } from './background.ts';
