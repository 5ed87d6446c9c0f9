// Page furniture in plain article text: photo captions and credit lines, bylines, section labels
// and the titles of related links. HTML extraction drops
// <figcaption>, but corpus records and pasted text keep them as paragraphs ("Russian President
// Vladimir Putin and President Donald Trump speak during the summit … Jorge Silva / AFP - Getty
// Images"). A caption describes a picture, not the story: it is no fact another outlet left out,
// and no fact only this article reports. A caption is known by the credit that goes with it or by
// the agencies' caption openings ("FILE - In this file photo…"), never by its wording alone, so a
// sentence stays a fact unless such a mark is on its paragraph. Bylines and labelled links
// ("RELATED: …", the titles listed under "Read more") are no facts either.
import type { SentenceSpan } from '../result.ts';
import { isAsciiLetter } from '../text/normalize.ts';
import { paragraphRanges } from '../text/segment.ts';

/** Wire and photo agencies named in credit lines without a photographer ("AFP via Getty Images"). */
const AGENCY = String.raw`(?:Getty Images|AP Photo|AP|AFP|Reuters|EPA(?:-EFE)?|Bloomberg|Shutterstock|Sputnik|Associated Press|Xinhua|Anadolu(?: Agency)?|Alamy|TASS|Pool|NurPhoto|SIPA(?: USA)?|Zuma(?: Press)?|PA(?: Images| Wire)?)`;
const NAME = String.raw`[\p{Lu}][\p{L}.'’-]*(?: [\p{Lu}][\p{L}.'’-]*){0,3}`;
/**
 * A credit: "Name / Agency", "Agency/Name", "Name / Agency - Getty Images", "Name via AP",
 * optionally after "Credit", "Photo:" or "Photograph:" (glued on when a page's markup is flattened:
 * "CreditJoshua Roberts/Reuters").
 */
const CREDIT = String.raw`(?:(?:Credit|Photo|Photograph|Image|Picture)s?:?\s*)?(?:${NAME}\s?\/\s?${NAME}(?:\s(?:[-–]|via)\s${NAME})?|(?:${NAME}\s)?(?:via\s)?${AGENCY}(?:\s[-–]\s${AGENCY})?)`;
const CREDIT_LINE = new RegExp(String.raw`^\(?${CREDIT}\)?$`, 'u');
/** An agency's name at the end, before a closing parenthesis at most: where a credit without a slash ends (see mayHoldCredit). */
const ENDS_IN_AGENCY = new RegExp(String.raw`${AGENCY}\)?$`, 'u');
/** A caption with its credit glued to its end: "… on Nov. 11, 2017.Jorge Silva / AFP - Getty Images". */
const CREDITED_CAPTION = new RegExp(String.raw`[.!?”")]\s*\(?${CREDIT}\)?$`, 'u');
/**
 * Captions labelled as such, and the wire agencies' caption openings: "FILE - In this file photo
 * taken on…", "In this Monday, April 2, 2018, photo…", "This photo shows…".
 */
const CAPTION_LABEL = /^(?:(?:FILE PHOTO|PHOTO|Photo|Pictured|IMAGE)\s*:|FILE\s*[-–—]\s|In this (?:[\w,. ]{0,40} )?(?:file )?photo\b|This (?:file )?photo (?:shows|taken)\b)/u;
/** A byline: "By Andrew Roth and Julian Borger", "By JIM HEINTZ, Associated Press · April 2, 2018". */
const BYLINE = /^By\s+(?:[\p{Lu}][\p{L}.'’-]*\s*){1,4}(?:(?:,|and|&)\s*(?:[\p{Lu}][\p{L}.'’-]*\s*){1,4})*(?:\s*[|·,–—-].*)?$/u;
const BYLINE_MAX_WORDS = 20;
/** A link labelled as another article's: "RELATED: Trump says…", "READ MORE: …". */
const LINK_LABEL = /^(?:RELATED|Related|READ MORE|Read more|READ|SEE ALSO|See also|WATCH|Watch|MORE|More|LISTEN|Listen)\s*:/u;
/** A label over a list of related links; the short unpunctuated lines under it are their titles. */
const LINK_LIST_LABEL = /^(?:Related(?: Coverage| Stories| Articles| Content)?|More on this(?: story)?|Read more|Recommended(?: for you)?|Most (?:read|popular)|More from [\p{L} ]{1,30}|You may also like)\s*:?$/iu;
const LINK_TITLE_MAX_WORDS = 25;
/**
 * The letters each of CAPTION_LABEL, LINK_LABEL and LINK_LIST_LABEL can start with (the last in
 * either case: it alone ignores case, and no other character folds to these): most paragraphs,
 * story text, start with another and are spared the pattern.
 */
const CAPTION_LABEL_STARTS = 'FPIT';
const LINK_LABEL_STARTS = 'RSWML';
const LINK_LIST_LABEL_STARTS = 'RrMmYy';

function startsWithOneOf(text: string, letters: string): boolean {
  return text.length > 0 && letters.includes(text[0]!);
}
/** Captions are a sentence or two; a paragraph longer than this is story text whatever it ends with. */
const CAPTION_MAX_WORDS = 60;
/** Credit lines are short: a photographer and an agency or two. */
const CREDIT_MAX_WORDS = 10;

interface Paragraph {
  start: number;
  end: number;
  text: string;
}

/** The article's paragraphs (lines), trimmed, blank ones left out. */
function paragraphs(text: string): Paragraph[] {
  const found: Paragraph[] = [];
  for (const range of paragraphRanges(text)) {
    const raw = text.slice(range.start, range.end);
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const start = range.start + raw.length - raw.trimStart().length;
    found.push({ start, end: start + trimmed.length, text: trimmed });
  }
  return found;
}

/**
 * Whether a paragraph has more than `n` words (runs of non-space, what splitting at spaces
 * leaves), as a pattern anchored at its start that stops at word n + 1. Every paragraph of every
 * corpus article read is looked at, most of them story paragraphs that no test needs counted, and
 * a warm analysis runs this code too few times for V8 to optimize a loop over the characters, as
 * a count of every paragraph's words was. \S and \s never overlap: the pattern cannot backtrack.
 */
const moreWordsThan = (n: number): RegExp => new RegExp(String.raw`^\s*(?:\S+\s+){${n}}\S`);
const LONGER_THAN_CAPTION = moreWordsThan(CAPTION_MAX_WORDS);
const LONGER_THAN_CREDIT = moreWordsThan(CREDIT_MAX_WORDS);
const LONGER_THAN_BYLINE = moreWordsThan(BYLINE_MAX_WORDS);
const LONGER_THAN_LINK_TITLE = moreWordsThan(LINK_TITLE_MAX_WORDS);

/**
 * Whether a paragraph ends like a sentence (a full stop, a question or exclamation mark, a
 * quotation mark), read from its last character: a pattern anchored at the end (/[.!?”"]$/)
 * tries every character of the paragraph before it.
 */
function endsPunctuated(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 0x2e || last === 0x21 || last === 0x3f || last === 0x201d || last === 0x22;
}

/**
 * CREDITED_CAPTION can only match a paragraph that has a slash (a "Name / Agency" credit) or
 * ends in an agency's name, that is in a letter, with a closing parenthesis at most after it.
 * Story paragraphs end in a full stop or a quotation mark: this cheap look spares them the
 * pattern's backtracking.
 */
const mayEndInCredit = (text: string): boolean => text.includes('/') || endsInLetter(text);

/** /[A-Za-z]\)?$/ read from the last two characters (the pattern tries every position of the paragraph). */
function endsInLetter(text: string): boolean {
  const last = text.length - 1;
  return isAsciiLetter(text.charCodeAt(last)) || (text.charCodeAt(last) === 0x29 && isAsciiLetter(text.charCodeAt(last - 1)));
}

/**
 * Characters a "Name / Name" credit has none of after its slash (names are letters, dots,
 * apostrophes and hyphens, then a closing parenthesis at most): ASCII digits and other punctuation.
 */
const NOT_AFTER_CREDIT_SLASH = /[0-9!"#$%&(*+,/:;<=>?@[\\\]^_`{|}~]/;
/**
 * A word a "Name / Name" credit has none of after its slash: one opening with a lower-case ASCII
 * letter, but "via" ("Name / Name via AP"). Names open with a capital; a slash between two words
 * of story text ("an English/Turkish dictionary", "and/or") is followed by such a word.
 */
const LOWER_CASE_WORD = /(?:^|\s)(?!via\s)[a-z]/;

/** Whether the text after a paragraph's last slash may be the names of a "Name / Name" credit. */
function mayFollowCreditSlash(rest: string): boolean {
  return !NOT_AFTER_CREDIT_SLASH.test(rest) && !LOWER_CASE_WORD.test(rest);
}

/**
 * Both patterns end with the credit: "Name / Name …", whose slash is then the paragraph's last
 * and followed by names only, or "… Agency". A paragraph with neither matches neither. CREDIT_LINE and CREDITED_CAPTION, with their letter classes over
 * all of Unicode, take V8 some 20-50 ms to compile on first use (a cold start's first analysis):
 * this look spares them every paragraph that cannot match, and so, on most pages, the compiling.
 */
function mayHoldCredit(text: string): boolean {
  const slash = text.lastIndexOf('/');
  // Every agency's name ends in an ASCII letter: ENDS_IN_AGENCY, which tries every position, only where one ends the text.
  return (slash !== -1 && mayFollowCreditSlash(text.slice(slash + 1))) || (endsInLetter(text) && ENDS_IN_AGENCY.test(text));
}

export function isCreditLine(paragraph: string): boolean {
  return !LONGER_THAN_CREDIT.test(paragraph) && mayHoldCredit(paragraph) && CREDIT_LINE.test(paragraph);
}

/** A short paragraph labelled as a caption, with a credit glued to its end, or over a credit line. */
function isCaption(text: string, creditFollows: boolean): boolean {
  const labelled = startsWithOneOf(text, CAPTION_LABEL_STARTS) && CAPTION_LABEL.test(text);
  if (!labelled && !creditFollows && !mayEndInCredit(text)) return false;
  if (LONGER_THAN_CAPTION.test(text)) return false;
  return labelled || creditFollows || (mayHoldCredit(text) && CREDITED_CAPTION.test(text));
}

/** Character ranges [start, end) of the captions and credit lines of `text`. */
export function furnitureRanges(text: string): [number, number][] {
  const list = paragraphs(text);
  const ranges: [number, number][] = [];
  let inLinkList = false;
  // Besides whether a list of related links is open above it (inLinkList), a paragraph's tests
  // read only it and the next one, so their order changes no answer: the cheap ones come first,
  // and most paragraphs, story text, are done after a look at their ends.
  list.forEach((p, i) => {
    const unpunctuated = !endsPunctuated(p.text);
    if (startsWithOneOf(p.text, LINK_LIST_LABEL_STARTS) && LINK_LIST_LABEL.test(p.text)) {
      inLinkList = true;
      ranges.push([p.start, p.end]);
      return;
    }
    if (inLinkList && unpunctuated && !LONGER_THAN_LINK_TITLE.test(p.text)) {
      ranges.push([p.start, p.end]);
      return;
    }
    inLinkList = false;
    // BYLINE starts "By": other paragraphs are spared its compiling (its letter classes are costly too).
    if ((p.text.startsWith('By') && BYLINE.test(p.text) && !LONGER_THAN_BYLINE.test(p.text)) || (startsWithOneOf(p.text, LINK_LABEL_STARTS) && LINK_LABEL.test(p.text))) {
      ranges.push([p.start, p.end]);
      return;
    }
    const credit = isCreditLine(p.text);
    // A credit line under a paragraph marks a caption only when that paragraph reads like one
    // (agency captions end without a full stop): a story paragraph above a bare picture credit
    // stays story.
    const creditFollows = unpunctuated && i + 1 < list.length && isCreditLine(list[i + 1]!.text);
    if (credit || isCaption(p.text, creditFollows)) ranges.push([p.start, p.end]);
  });
  return ranges;
}

/** Indices of the sentences that lie in a caption or a credit line. */
export function furnitureSentences(text: string, sentences: readonly SentenceSpan[]): Set<number> {
  const ranges = furnitureRanges(text);
  const found = new Set<number>();
  if (ranges.length === 0) return found;
  for (const s of sentences) {
    if (ranges.some(([start, end]) => s.start < end && s.end > start)) found.add(s.index);
  }
  return found;
}
