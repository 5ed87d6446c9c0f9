// Answers about a word remembered by its text. The framing labels ask the same questions of every
// word of every sentence they read (its lexicon strength, its forms, its neighbours' rating,
// whether it reports speech), and a story repeats its words from pair to pair.

/** Words remembered per question at most: past it the memo is forgotten at once and fills again. */
export const WORDS_KEPT = 50_000;

/** `answer` remembered by the word it is asked of (it must depend on the word alone). */
export function rememberedByWord<T>(answer: (word: string) => T): (word: string) => T {
  const kept = new Map<string, T>();
  return (word) => {
    let found = kept.get(word);
    if (found === undefined) {
      found = answer(word);
      if (kept.size >= WORDS_KEPT) kept.clear();
      kept.set(word, found);
    }
    return found;
  };
}
