import type { FramingLabel } from '@/lib/result';
import { CONFLICT_KINDS, FRAMING_LABEL_HINTS, FRAMING_LABEL_NAMES } from './labels';

/** The framing differences of one pair, each as a readable chip with its explanation. */
export function FramingLabels({ labels }: { labels: readonly FramingLabel[] }) {
  if (!labels.length) return null;
  return (
    <ul class="labels" aria-label="How the framing differs">
      {labels.map((label, i) => (
        <li key={i}>
          <span class={`chip chip-${CONFLICT_KINDS.has(label.kind) ? 'conflict' : label.kind}`} title={FRAMING_LABEL_HINTS[label.kind]}>
            {FRAMING_LABEL_NAMES[label.kind]}
          </span>
          <span class="label-note">{label.note}</span>
        </li>
      ))}
    </ul>
  );
}
