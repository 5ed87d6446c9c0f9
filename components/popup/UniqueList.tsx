import type { SentenceSpan } from '@/lib/result';
import { itemKey } from './search';
import { SourceText } from '@/components/shared/SourceText';

export interface UniqueListProps {
  sentences: readonly SentenceSpan[];
  visible: Set<string> | null;
  onReveal: (sentenceIndex: number) => void;
}

/** This article's sentences no other outlet reports. */
export function UniqueList({ sentences, visible, onReveal }: UniqueListProps) {
  const shown = visible ? sentences.filter((s) => visible.has(itemKey.unique(s.index))) : sentences;
  if (!sentences.length) return <p class="empty">Every sentence of this article is reported elsewhere too.</p>;
  if (!shown.length) return <p class="empty">Nothing here matches your search.</p>;
  return (
    <ul class="sentences">
      {shown.map((s) => (
        <li key={s.index} class="sentence" data-testid="unique">
          <q><SourceText text={s.text} /></q>
          <div class="sentence-meta">
            <button type="button" class="btn-link" onClick={() => onReveal(s.index)}>
              Show in page
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
