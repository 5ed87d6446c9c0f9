import type { Fact } from '@/lib/result';
import { sameFactPassages } from './derive';
import { PassageView } from './PassageView';
import { outletName, plural } from './labels';
import { SourceText } from '@/components/shared/SourceText';

export interface FactItemProps {
  fact: Fact;
  expanded: boolean;
  onToggle: (sentenceIndex: number) => void;
  onReveal: (sentenceIndex: number) => void;
}

/** A sentence of this article that others report; opens to their versions. */
export function FactItem({ fact, expanded, onToggle, onReveal }: FactItemProps) {
  const passages = sameFactPassages(fact);
  const outlets = [...new Set(passages.map((p) => outletName(p.outlet)))];
  const bodyId = `fact-body-${fact.sentence.index}`;
  return (
    <li class={`fact${fact.conflict ? ' is-conflict' : ''}`} data-testid="fact" data-sentence={fact.sentence.index}>
      <button
        type="button"
        class="fact-toggle"
        aria-expanded={expanded}
        aria-controls={bodyId}
        onClick={() => {
          onToggle(fact.sentence.index);
          if (!expanded) onReveal(fact.sentence.index);
        }}
      >
        <span class="chevron" aria-hidden="true" />
        <span class="fact-text"><SourceText text={fact.sentence.text} /></span>
        <span class="fact-meta">
          {fact.conflict && <span class="badge badge-conflict">Conflict</span>}
          <span class="muted" title={outlets.join(', ')}>
            {plural(outlets.length, 'outlet')}
          </span>
        </span>
      </button>
      {expanded && (
        <div class="fact-body" id={bodyId}>
          <ul class="passages">
            {passages.map((p) => (
              <PassageView key={`${p.articleId}:${p.sentenceIndex}`} passage={p} />
            ))}
          </ul>
          <button type="button" class="btn-link" onClick={() => onReveal(fact.sentence.index)}>
            Show in page
          </button>
        </div>
      )}
    </li>
  );
}
