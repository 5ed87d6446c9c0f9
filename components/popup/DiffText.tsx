import type { DiffPart } from '@/lib/result';
import { SourceText, withoutBidiControls } from '@/components/shared/SourceText';

export interface DiffTextProps {
  diff: readonly DiffPart[];
  /** The other outlet's name, for screen readers. */
  otherName: string;
  /** Fallback when the engine gave no diff. */
  text: string;
}

/**
 * Longer runs of this article's own words are folded to a short marker (the full words are in
 * the fact's sentence just above, in the tooltip and for screen readers): a whole struck-out
 * sentence in front of the other version buries the difference that matters.
 */
export const FOLD_REMOVED_WORDS = 6;

const wordCount = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;

/** The other outlet's version with the words only it uses marked, and this article's words struck. */
export function DiffText({ diff, otherName, text }: DiffTextProps) {
  if (!diff.length) return <q class="diff"><SourceText text={text} /></q>;
  return (
    <q class="diff" dir="auto">
      {diff.map((part, i) => {
        if (part.added) {
          return (
            <ins key={i}>
              <span class="sr-only">only in {otherName}: </span>
              {withoutBidiControls(part.value)}
            </ins>
          );
        }
        if (part.removed) {
          const words = wordCount(part.value);
          if (words > FOLD_REMOVED_WORDS) {
            return (
              <del key={i} class="del-folded" title={withoutBidiControls(part.value.trim())}>
                <span class="sr-only">only in this article: {withoutBidiControls(part.value)}</span>
                <span aria-hidden="true">−{words} words</span>{' '}
              </del>
            );
          }
          return (
            <del key={i}>
              <span class="sr-only">only in this article: </span>
              {withoutBidiControls(part.value)}
            </del>
          );
        }
        return <span key={i}>{withoutBidiControls(part.value)}</span>;
      })}
    </q>
  );
}
