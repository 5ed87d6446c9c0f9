import type { AlignedPassage } from '@/lib/result';
import { DiffText } from './DiffText';
import { FramingLabels } from './FramingLabels';
import { REASON_NAMES, outletName } from './labels';
import { SourceText } from '@/components/shared/SourceText';

/** Another outlet's version of a fact: who, how close, the wording differences, the framing. */
export function PassageView({ passage }: { passage: AlignedPassage }) {
  const name = outletName(passage.outlet);
  const reasons = passage.reasons.map((r) => REASON_NAMES[r]).join(', ');
  return (
    <li class="passage">
      <div class="passage-head">
        <strong><SourceText text={name} /></strong>
        <span class="muted">
          {[Number.isFinite(passage.score) ? `${Math.round(passage.score * 100)}% match` : null, reasons || null].filter(Boolean).join(' · ')}
        </span>
      </div>
      <DiffText diff={passage.diff} otherName={name} text={passage.text} />
      <FramingLabels labels={passage.labels} />
    </li>
  );
}
