// Dates and counts as the popup and the options page write them.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2018-04-02" → "2 Apr 2018"; anything else is returned unchanged. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** "2 Apr 2018", "2 Apr – 4 May 2018", "2 Apr 2018 – 3 Jan 2019", or null without dates. */
export function formatDateRange(first: string | null, last: string | null): string | null {
  if (!first && !last) return null;
  if (!first || !last || first === last) return formatDate((first ?? last)!);
  const a = formatDate(first);
  const b = formatDate(last);
  if (first.slice(0, 4) === last.slice(0, 4)) return `${a.replace(/ \d{4}$/, '')} – ${b}`;
  return `${a} – ${b}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
