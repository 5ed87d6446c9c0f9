// How far in time a related article is from the one being read, in the words the popup and the
// tooltip use: "32 days later", "3 days earlier", "the same day", "undated".

/** Signed days (positive: the other article is later) as a phrase; null when a date is missing. */
export function daysApartText(days: number | null): string {
  if (days === null || !Number.isFinite(days)) return 'undated';
  const n = Math.round(days);
  if (n === 0) return 'the same day';
  const count = Math.abs(n);
  return `${count} ${count === 1 ? 'day' : 'days'} ${n > 0 ? 'later' : 'earlier'}`;
}
