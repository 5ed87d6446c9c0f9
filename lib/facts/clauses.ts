// A news sentence often carries several facts ("Trump invited Putin during the call, in which
// he congratulated him on his re-election"). What an article leaves out is found clause by
// clause, so a sentence whose main fact is shared can still reveal an omitted detail.

export interface Clause {
  text: string;
  /** Offsets into the sentence. */
  start: number;
  end: number;
  /** A reporting frame ("Ushakov said in Moscow"): who says, not what is said. */
  frame: boolean;
}

// Clause openers after a comma, dash or parenthesis: relative and subordinate clauses.
const OPENERS = String.raw`(?:in which|during which|after which|which|who|whom|whose|where|when|while|although|though|because|as|after|before|since|citing|saying|including|according to)\b`;
const BOUNDARY = new RegExp(String.raw`\s*(?:[;()]|\s[—–]\s|——|––|,\s+(?=${OPENERS})|\s(?=(?:in|during|after) which\b))\s*`, 'giu');

// A reporting frame ("Ushakov said in Moscow that …"): the reported fact starts at "that".
const REPORTED_THAT = /\b(?:said|says|told|tells|announced|confirmed|insisted|claimed|added|reported|suggested|warned|stated|argued|acknowledged|denied|noted)\b[^.;,]{0,40}?\s(?=that\s)/giu;

// A clause that only names the source: ", according to the AP", ", citing remarks by an aide".
const SOURCE_CLAUSE = /^(?:according to|citing|as reported by|quoted by|said|says|told|reported)\b/i;

/**
 * Splits a sentence into clauses at semicolons, dashes, parentheses, comma + opener, and after
 * a reporting frame ("X said that").
 */
export function splitClauses(sentence: string): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  const push = (end: number, frame = false): void => {
    const raw = sentence.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text !== '') clauses.push({ text, start: start + lead, end: start + lead + text.length, frame: frame || SOURCE_CLAUSE.test(text) });
  };
  const cuts: [number, number, boolean][] = [...sentence.matchAll(BOUNDARY)].map((m) => [m.index, m.index + m[0].length, false]);
  for (const m of sentence.matchAll(REPORTED_THAT)) {
    const at = m.index + m[0].length;
    if (!cuts.some(([s, e]) => at >= s && at <= e)) cuts.push([at, at, true]);
  }
  cuts.sort((x, y) => x[0] - y[0]);
  for (const [cutStart, cutEnd, framed] of cuts) {
    if (cutStart < start) continue;
    push(cutStart, framed);
    start = cutEnd;
  }
  push(sentence.length);
  return clauses;
}
