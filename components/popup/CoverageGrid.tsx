import { useState } from 'preact/hooks';
import type { AnalysisResult } from '@/lib/result';
import { passageFor } from './derive';
import { outletName } from './labels';
import { SourceText, withoutBidiControls } from '@/components/shared/SourceText';

interface Focused {
  outlet: string;
  text: string;
  score: number;
}

/** Initials for a narrow column head: "The New York Times" → "NYT", "NBC News" → "NBC". */
export function outletInitials(name: string): string {
  const words = name.replace(/^the\s+/i, '').split(/\s+/).filter(Boolean);
  if (words.length === 1) return words[0]!.slice(0, 4);
  if (/^[A-Z]{2,}$/.test(words[0]!)) return words[0]!;
  return words.map((w) => w[0]!.toUpperCase()).join('').slice(0, 4);
}

/**
 * Facts × outlets. A filled cell means that outlet reports the fact (darker = closer wording,
 * red = it disagrees); hovering or focusing a cell shows that outlet's sentence below the grid.
 */
export function CoverageGrid({ result, onReveal }: { result: AnalysisResult; onReveal: (sentenceIndex: number) => void }) {
  const [focused, setFocused] = useState<Focused | null>(null);
  const { outlets, rows } = result.coverage;
  if (!rows.length || !outlets.length) return <p class="empty">No fact is shared with another outlet, so there is nothing to chart.</p>;
  const conflictAt = new Set(result.conflicts.map((c) => `${c.sentenceIndex}:${c.articleId}`));
  return (
    <div class="coverage">
      <p class="muted coverage-help">
        Rows are this article’s facts, columns the outlets; a darker square means closer wording, a red one that the outlet disagrees. Hover or focus
        a square to read that outlet’s version.
      </p>
      <div class="coverage-scroll">
        <table class="grid" data-testid="coverage-grid">
          <caption class="sr-only">Which outlets report each fact of this article</caption>
          <thead>
            <tr>
              <th scope="col" class="grid-fact-head">
                Fact
              </th>
              {outlets.map((o) => (
                <th key={o.articleId} scope="col" class="grid-outlet" title={outletName(o.outlet)}>
                  <span aria-hidden="true">{outletInitials(outletName(o.outlet))}</span>
                  <span class="sr-only">{outletName(o.outlet)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={row.sentenceIndex}>
                <th scope="row" class="grid-fact">
                  <button type="button" class="grid-fact-btn" title={withoutBidiControls(row.text)} onClick={() => onReveal(row.sentenceIndex)}>
                    <span class="grid-num">{r + 1}</span>
                    <span class="grid-fact-text"><SourceText text={row.text} /></span>
                  </button>
                </th>
                {row.cells.map((score, c) => {
                  const column = outlets[c];
                  if (!column) return null;
                  const name = outletName(column.outlet);
                  if (score === null) {
                    return (
                      <td key={column.articleId} class="cell cell-empty">
                        <span class="sr-only">not reported by {name}</span>
                      </td>
                    );
                  }
                  const conflict = conflictAt.has(`${row.sentenceIndex}:${column.articleId}`);
                  const show = () => {
                    const passage = passageFor(result, row.sentenceIndex, column.articleId);
                    setFocused({ outlet: name, text: passage?.text ?? row.text, score });
                  };
                  return (
                    <td key={column.articleId} class="cell">
                      <button
                        type="button"
                        class={`cell-btn${conflict ? ' is-conflict' : ''}`}
                        style={{ '--score': String(Number.isFinite(score) ? Math.max(0.25, Math.min(1, score)) : 0.6) }}
                        aria-label={`${name} reports fact ${r + 1}${conflict ? ', with a conflict' : ''}`}
                        onMouseEnter={show}
                        onFocus={show}
                        onClick={() => onReveal(row.sentenceIndex)}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="grid-caption" aria-live="polite" data-testid="coverage-caption">
        {focused ? (
          <>
            <strong><SourceText text={focused.outlet} /></strong>
            {Number.isFinite(focused.score) && <span class="muted"> ({Math.round(focused.score * 100)}% match)</span>}: <q><SourceText text={focused.text} /></q>
          </>
        ) : (
          <span class="muted">No square selected.</span>
        )}
      </div>
    </div>
  );
}
