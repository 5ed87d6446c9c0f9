// The background rank class (lib/text/background.ts) of a corpus vocabulary term: content terms
// are looked up as they are; fact keys by what they are made of.
import { backgroundRankClass, NO_BACKGROUND_CLASS } from '../text/background.ts';
import { stemWord } from '../text/normalize.ts';

/**
 * A name ("n:putin", "n:vladimir v putin") is at most as common as its rarest word, so it takes
 * the rarest word's class. Numbers and dates ("#:60", "d:2018-03-20") have none: the word list
 * knows numbers as tokens, not as the quantities a story states, and no dates.
 */
export function termBackgroundClass(term: string): number {
  if (term.startsWith('n:')) {
    let rarest = 0;
    for (const word of term.slice(2).split(' ')) if (word.length > 1) rarest = Math.max(rarest, backgroundRankClass(stemWord(word)));
    return rarest === 0 ? NO_BACKGROUND_CLASS : rarest;
  }
  if (term.startsWith('#:') || term.startsWith('d:')) return NO_BACKGROUND_CLASS;
  return backgroundRankClass(term);
}
