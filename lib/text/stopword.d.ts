// The stopword package ships no types of its own (and @types/stopword is not installed).
declare module 'stopword' {
  export const eng: string[];
  export function removeStopwords(tokens: string[], stopwords?: string[]): string[];
}
