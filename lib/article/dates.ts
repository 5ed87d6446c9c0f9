// Feeds and pages write dates in RFC 822 (RSS), ISO 8601 (Atom, meta tags, JSON-LD) or worse.
// The corpus keeps the calendar day as the publisher wrote it: converting "Mon, 02 Jun 2025
// 23:30 -0500" to UTC would move the story to the next day.

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  // Feeds outside the English-speaking world write RFC 822 in their own language ("Seg, 24 Set
  // 2018"): the month abbreviations of Portuguese, Spanish, German, Italian and French that
  // differ from English and mean one month only (French juin/juillet share "jui": left out).
  fev: 2, abr: 4, mai: 5, ago: 8, set: 9, out: 10, dez: 12, ene: 1, dic: 12, okt: 10, mär: 3, gen: 1, mag: 5, giu: 6, lug: 7, ott: 10, fév: 2, avr: 4, aoû: 8, déc: 12,
};

function day(year: number, month: number, date: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || date < 1 || date > 31) return null;
  const check = new Date(Date.UTC(year, month - 1, date));
  if (check.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/** The publisher's calendar day of a date string, as YYYY-MM-DD, or null when it is not a date. */
export function publishedDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text);
  if (iso) return day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  // RFC 822 / 1123: "Mon, 02 Jun 2025 10:00:00 GMT", weekday optional, two-digit years seen in the wild.
  const rfc = /^(?:\p{L}{2,9}\.?,?\s+)?(\d{1,2})\.?\s+(\p{L}{3})\p{L}*\.?\s+(\d{2,4})\b/u.exec(text);
  if (rfc) {
    const month = MONTHS[rfc[2]!.toLowerCase()];
    let year = Number(rfc[3]);
    if (rfc[3]!.length === 2) year += year < 70 ? 2000 : 1900;
    return month ? day(year, month, Number(rfc[1])) : null;
  }
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed)) return null;
  const date = new Date(parsed);
  return day(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Parses a window such as "7d", "12h", "2w" or "30m" (minutes) into milliseconds. */
export function parseWindow(value: string): number | null {
  const match = /^(\d+)\s*([mhdw])$/.exec(value.trim());
  if (!match) return null;
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[match[2] as 'm' | 'h' | 'd' | 'w'];
  const ms = Number(match[1]) * unit;
  return ms > 0 ? ms : null;
}
