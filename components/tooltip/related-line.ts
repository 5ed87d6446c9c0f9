// The one line a tooltip may add about related coverage: the highlighted sentence is a
// same-event fact, and a follow-up or earlier article reports it too. Highlights never come from
// related articles; this only names them ("Also in later coverage: The New Yorker, 32 days later").
import type { RelatedCoverage } from '@/lib/result';
import { outletName } from '@/components/shared/framing-words';
import { daysApartText } from '@/components/shared/days-apart';
import { formatDate } from '@/components/shared/format';

/** The line for this article's sentence `sentenceIndex`, or null when no related article reports it. */
export function relatedLine(related: readonly RelatedCoverage[], sentenceIndex: number, maxNamed = 2): string | null {
  const reporting = related
    .filter((r) => r.facts.some((f) => f.sentence.index === sentenceIndex))
    .sort((a, b) => (a.daysApart ?? Infinity) - (b.daysApart ?? Infinity) || b.score - a.score);
  if (!reporting.length) return null;
  const scope = reporting.every((r) => r.daysApart !== null && r.daysApart > 0)
    ? 'later coverage'
    : reporting.every((r) => r.daysApart !== null && r.daysApart < 0)
      ? 'earlier coverage'
      : 'related coverage';
  const named = reporting.slice(0, maxNamed).map((r) => {
    const when = r.daysApart !== null || !r.published ? daysApartText(r.daysApart) : formatDate(r.published);
    return `${outletName(r.outlet)}, ${when}`;
  });
  const more = reporting.length - named.length;
  return `Also in ${scope}: ${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}
