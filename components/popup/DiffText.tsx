import type { DiffPart } from '@/lib/result';

export interface DiffTextProps {
  diff: readonly DiffPart[];
  /** The other outlet's name, for screen readers. */
  otherName: string;
  /** Fallback when the engine gave no diff. */
  text: string;
}

/** The other outlet's version with words only it uses marked, and this article's words struck. */
export function DiffText({ diff, otherName, text }: DiffTextProps) {
  if (!diff.length) return <q class="diff">{text}</q>;
  return (
    <q class="diff">
      {diff.map((part, i) =>
        part.added ? (
          <ins key={i}>
            <span class="sr-only">only in {otherName}: </span>
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={i}>
            <span class="sr-only">only in this article: </span>
            {part.value}
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </q>
  );
}
