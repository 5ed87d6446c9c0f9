import { Fragment } from 'preact';
import type { AnalysisResult } from '@/lib/result';
import { itemKey } from './search';
import { formatDate, plural } from './labels';
import { relatedTimeline, type TimelineEntry } from './timeline';
import { SourceText } from '@/components/shared/SourceText';

export interface RelatedTimelineProps {
  result: Pick<AnalysisResult, 'related'>;
  /** Keys matching the popup's search, or null for everything. */
  visible: Set<string> | null;
  onReveal: (sentenceIndex: number) => void;
}

function Entry({ entry, onReveal }: { entry: TimelineEntry; onReveal: (sentenceIndex: number) => void }) {
  return (
    <li class="timeline-item" data-testid="related" data-article={entry.articleId}>
      <div class="timeline-head">
        <strong class="timeline-outlet"><SourceText text={entry.outlet} /></strong>
        {entry.relative && <span class="badge timeline-when" data-testid="related-when">{entry.relative}</span>}
        {entry.date && <span class="muted">{entry.date}</span>}
      </div>
      {entry.title &&
        (entry.url ? (
          <a class="outlet-title" href={entry.url} target="_blank" rel="noopener noreferrer">
            <SourceText text={entry.title} />
          </a>
        ) : (
          <span class="outlet-title"><SourceText text={entry.title} /></span>
        ))}
      {entry.facts.length > 0 ? (
        <>
          <p class="timeline-shares">Shares {plural(entry.facts.length, 'fact')} with this article:</p>
          <ul class="timeline-facts">
            {entry.facts.map((f) => (
              <li key={f.sentenceIndex} data-testid="related-fact">
                <q><SourceText text={f.text} /></q>
                {f.theirs && (
                  <span class="timeline-theirs">
                    <SourceText text={entry.outlet} />: <q><SourceText text={f.theirs} /></q>
                  </span>
                )}
                <button type="button" class="btn-link" onClick={() => onReveal(f.sentenceIndex)}>
                  Show in page
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="timeline-shares muted">Same subject; no single fact lined up with this article.</p>
      )}
    </li>
  );
}

/**
 * "Earlier and later coverage": articles on the same subject from another occasion, in time
 * order around this article, each with the facts of this article it also reports. They are
 * never counted as the same story (highlights, tooltips, outlets and omissions stay same-event).
 */
export function RelatedTimeline({ result, visible, onReveal }: RelatedTimelineProps) {
  const timeline = relatedTimeline(result);
  if (!timeline.groups.length) return <p class="empty">No earlier or later article in your corpora reports this article’s facts.</p>;
  const groups = timeline.groups
    .map((g) => ({ ...g, entries: visible ? g.entries.filter((e) => visible.has(itemKey.related(e.articleId))) : g.entries }))
    .filter((g) => g.entries.length);
  if (!groups.length) return <p class="empty">Nothing here matches your search.</p>;
  // Where this article stands: after what came before it, before the rest.
  const markerAt = timeline.placed ? groups.findIndex((g) => g.id !== 'earlier') : -1;
  const marker = (
    <p class="timeline-now" data-testid="timeline-now">
      <strong>This article</strong>
      {timeline.thisDate && <span class="muted"> · {formatDate(timeline.thisDate)}</span>}
    </p>
  );
  return (
    <div class="timeline" data-testid="timeline">
      {groups.map((g, i) => (
        <Fragment key={g.id}>
          {i === markerAt && marker}
          <section class={`timeline-group timeline-${g.id}`} aria-labelledby={`timeline-${g.id}`}>
            <h3 class="timeline-heading" id={`timeline-${g.id}`}>
              {g.heading}
            </h3>
            <ol class="timeline-list">
              {g.entries.map((e) => (
                <Entry key={e.articleId} entry={e} onReveal={onReveal} />
              ))}
            </ol>
          </section>
        </Fragment>
      ))}
      {timeline.placed && markerAt === -1 && marker}
    </div>
  );
}
