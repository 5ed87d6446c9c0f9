import type { DiffPart, Fact, FramingLabel, RelatedCoverage } from '@/lib/result';
import { FRAMING_LABEL_NAMES } from '@/components/shared/framing-words';
import { factVersions, outletCountText } from './fact-versions';
import { relatedLine } from './related-line';
import { SourceText, withoutBidiControls } from '@/components/shared/SourceText';

export interface FactTooltipProps {
  fact: Fact;
  /** This page's outlet, when known, so its own other versions are not counted as other outlets. */
  thisOutlet?: string | null;
  /** How many versions to show in full; the popup has the rest. */
  maxVersions?: number;
  /** The page's related coverage (follow-ups, background): named in one line when it reports this fact too. */
  related?: readonly RelatedCoverage[];
}

/** Removed runs longer than this are folded: the tooltip shows the other version, marked. */
const MAX_REMOVED_CHARS = 40;

function Diff({ parts, text }: { parts: DiffPart[]; text: string }) {
  // Nothing in common: a word diff would only strike one sentence and add another.
  if (!parts.some((part) => !part.added && !part.removed && part.value.trim())) {
    return (
      <p class="diff">
        <SourceText text={text} />
      </p>
    );
  }
  // One sentence in runs: its controls are dropped run by run and the paragraph takes its own direction, as the popup's DiffText does.
  return (
    <p class="diff" dir="auto">
      {parts.map((part, i) =>
        part.added ? (
          <ins key={i} title="Only in this outlet's version">
            {withoutBidiControls(part.value)}
          </ins>
        ) : part.removed ? (
          <del key={i} title={`Only in the article you are reading: ${withoutBidiControls(part.value)}`}>
            {part.value.length > MAX_REMOVED_CHARS ? ' … ' : withoutBidiControls(part.value)}
          </del>
        ) : (
          <span key={i}>{withoutBidiControls(part.value)}</span>
        ),
      )}
    </p>
  );
}

function Labels({ labels }: { labels: FramingLabel[] }) {
  if (!labels.length) return null;
  return (
    <ul class="labels">
      {labels.map((label, i) => (
        <li key={i} class={`label label-${label.kind}`} title={withoutBidiControls(label.note)}>
          <strong>{FRAMING_LABEL_NAMES[label.kind]}</strong> <SourceText text={label.note} />
        </li>
      ))}
    </ul>
  );
}

/** The hover card for a highlighted sentence: who else reports it and how they put it. */
export function FactTooltip({ fact, thisOutlet = null, maxVersions = 2, related = [] }: FactTooltipProps) {
  const { outletCount, versions, conflict } = factVersions(fact, thisOutlet);
  const alsoRelated = relatedLine(related, fact.sentence.index);
  const shown = versions.slice(0, maxVersions);
  return (
    <div class={`card${conflict ? ' conflict' : ''}`} role="tooltip" data-testid="parallax-tooltip">
      <header>
        <span class="count" data-testid="parallax-tooltip-count">{outletCountText(outletCount)}</span>
        {conflict && <span class="badge">Outlets disagree</span>}
      </header>
      {shown.map(({ outlet, passage }, i) => (
        <section key={passage.articleId + ':' + passage.sentenceIndex} class="version" data-testid="parallax-tooltip-version">
          <h3>
            <SourceText text={outlet} />
          </h3>
          {/* The closest version in full (differences and framing); the others as they read. */}
          {i === 0 ? (
            <Diff parts={passage.diff} text={passage.text} />
          ) : (
            <p class="diff other">
              <SourceText text={passage.text} />
            </p>
          )}
          {i === 0 && <Labels labels={passage.labels} />}
        </section>
      ))}
      {versions.length > shown.length && <p class="more">and {versions.length - shown.length} more</p>}
      {alsoRelated && (
        <p class="related" data-testid="parallax-tooltip-related">
          {alsoRelated}
        </p>
      )}
      <footer>Full comparison: click the Parallax button in the toolbar. Esc closes.</footer>
    </div>
  );
}
