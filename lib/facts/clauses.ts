// A news sentence often carries several facts ("Trump invited Putin during the call, in which
// he congratulated him on his re-election"). What an article leaves out is found clause by
// clause, so a sentence whose main fact is shared can still reveal an omitted detail.

export interface Clause {
  text: string;
  /** Offsets into the sentence. */
  start: number;
  end: number;
}

// Clause openers after a comma, dash or parenthesis: relative and subordinate clauses.
const OPENERS = String.raw`(?:in which|during which|after which|which|who|whom|whose|where|when|while|although|though|because|as|after|before|since|citing|saying|including|according to)\b`;
const BOUNDARY = new RegExp(String.raw`\s*(?:[;()]|\s[—–]\s|——|––|,\s+(?=${OPENERS})|\s(?=(?:in|during|after) which\b))\s*`, 'giu');

/** Splits a sentence into clauses at semicolons, dashes, parentheses and comma + opener. */
export function splitClauses(sentence: string): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  const push = (end: number): void => {
    const raw = sentence.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text !== '') clauses.push({ text, start: start + lead, end: start + lead + text.length });
  };
  for (const m of sentence.matchAll(BOUNDARY)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(sentence.length);
  return clauses;
}
