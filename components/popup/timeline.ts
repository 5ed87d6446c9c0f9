// The popup's "Earlier and later coverage": the engine's related articles (follow-ups, earlier
// background, other events of the same actors) placed in time around the article being read.
// Pure, tested beside; RelatedTimeline.tsx draws it.
import type { AnalysisResult, RelatedCoverage } from '@/lib/result';
import { daysApartText } from '@/components/shared/days-apart';
import { sameFactPassages } from './derive';
import { formatDate, outletName } from './labels';

/** A fact of this article that a related article also reports. */
export interface TimelineFact {
  sentenceIndex: number;
  /** This article's sentence. */
  text: string;
  /** The related article's wording of it, when the engine aligned a passage. */
  theirs: string | null;
}

export interface TimelineEntry {
  articleId: string;
  outlet: string;
  title: string | null;
  url: string | null;
  /** "32 days later", "3 days earlier", "the same day", "undated"; null when only its own date is known. */
  relative: string | null;
  /** Its publication date as the popup writes dates ("4 May 2018"), when known. */
  date: string | null;
  daysApart: number | null;
  facts: TimelineFact[];
}

export type TimelineGroupId = 'earlier' | 'same-day' | 'later' | 'unplaced';

export interface TimelineGroup {
  id: TimelineGroupId;
  heading: string;
  entries: TimelineEntry[];
}

export interface Timeline {
  /** Earlier, the same day, later, then those that cannot be placed; empty groups left out. */
  groups: TimelineGroup[];
  /** This article's own date, worked out from a related article's date and distance; null when unknown. */
  thisDate: string | null;
  /** Whether any entry is placed relative to this article (then the view marks where it stands). */
  placed: boolean;
}

const DAY_MS = 86_400_000;

function isoDay(iso: string | null): number | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : null;
}

function thisArticleDate(related: readonly RelatedCoverage[]): string | null {
  for (const r of related) {
    const day = isoDay(r.published);
    if (day !== null && r.daysApart !== null) return new Date((day - r.daysApart) * DAY_MS).toISOString().slice(0, 10);
  }
  return null;
}

function entryOf(r: RelatedCoverage): TimelineEntry {
  const facts = [...r.facts]
    .sort((a, b) => a.sentence.index - b.sentence.index)
    .map((fact) => {
      const theirs = sameFactPassages(fact)
        .filter((p) => p.articleId === r.id)
        .sort((a, b) => b.score - a.score)[0];
      return { sentenceIndex: fact.sentence.index, text: fact.sentence.text, theirs: theirs?.text ?? null };
    });
  return {
    articleId: r.id,
    outlet: outletName(r.outlet),
    title: r.title,
    url: r.url,
    relative: r.daysApart !== null || !r.published ? daysApartText(r.daysApart) : null,
    date: r.published ? formatDate(r.published) : null,
    daysApart: r.daysApart,
    facts,
  };
}

/**
 * The related articles in time order around this article. Those with a distance in days are
 * placed before or after it; the rest (this article or theirs has no date) follow, dated ones
 * in date order, then the undated.
 */
export function relatedTimeline(result: Pick<AnalysisResult, 'related'>): Timeline {
  const { related } = result;
  const byScore = (a: RelatedCoverage, b: RelatedCoverage) => b.score - a.score;
  const placed = related.filter((r) => r.daysApart !== null).sort((a, b) => a.daysApart! - b.daysApart! || byScore(a, b));
  const unplaced = related
    .filter((r) => r.daysApart === null)
    .sort((a, b) => (isoDay(a.published) ?? Infinity) - (isoDay(b.published) ?? Infinity) || byScore(a, b));
  const groups: TimelineGroup[] = [
    { id: 'earlier', heading: 'Earlier', entries: placed.filter((r) => r.daysApart! < 0).map(entryOf) },
    { id: 'same-day', heading: 'The same day', entries: placed.filter((r) => r.daysApart === 0).map(entryOf) },
    { id: 'later', heading: 'Later', entries: placed.filter((r) => r.daysApart! > 0).map(entryOf) },
    {
      id: 'unplaced',
      // Dated articles are unplaced only when this article has no date of its own.
      heading: unplaced.some((r) => r.published) ? 'Not placed in time (this article has no date)' : 'Undated',
      entries: unplaced.map(entryOf),
    },
  ];
  return { groups: groups.filter((g) => g.entries.length), thisDate: thisArticleDate(related), placed: placed.length > 0 };
}
