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

/** Whether a UTF-16 code unit is white space as a regular expression's \s has it. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Every word count the tests below compare is at most this: counting stops past it. */
const MOST_WORDS_ASKED = Math.max(CAPTION_MAX_WORDS, CREDIT_MAX_WORDS, BYLINE_MAX_WORDS, LINK_TITLE_MAX_WORDS);

/**
 * Words as runs of non-space (what splitting at spaces leaves), counted a character at a time up
 * to MOST_WORDS_ASKED + 1: a pattern's matches cost an array each, every corpus article read
 * counts its paragraphs, and a story paragraph is longer than any count a test asks about.
 */
function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length && count <= MOST_WORDS_ASKED; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

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
const mayEndInCredit = (text: string): boolean => text.includes('/') || /[A-Za-z]\)?$/.test(text);

/**
 * Characters a "Name / Name" credit has none of after its slash (names are letters, dots,
 * apostrophes and hyphens, then a closing parenthesis at most): ASCII digits and other punctuation.
 */
const NOT_AFTER_CREDIT_SLASH = /[0-9!"#$%&(*+,/:;<=>?@[\\\]^_`{|}~]/;

/**
 * Both patterns end with the credit: "Name / Name …", whose slash is then the paragraph's last
 * and followed by names only, or "… Agency". A paragraph with neither matches neither. CREDIT_LINE and CREDITED_CAPTION, with their letter classes over
 * all of Unicode, take V8 some 20-50 ms to compile on first use (a cold start's first analysis):
 * this look spares them every paragraph that cannot match, and so, on most pages, the compiling.
 */
function mayHoldCredit(text: string): boolean {
  const slash = text.lastIndexOf('/');
  return (slash !== -1 && !NOT_AFTER_CREDIT_SLASH.test(text.slice(slash + 1))) || ENDS_IN_AGENCY.test(text);
}

export function isCreditLine(paragraph: string): boolean {
  return creditLine(paragraph, wordCount(paragraph));
}

/** isCreditLine with the paragraph's words counted already. */
function creditLine(paragraph: string, words: number): boolean {
  return words <= CREDIT_MAX_WORDS && mayHoldCredit(paragraph) && CREDIT_LINE.test(paragraph);
}

/**
 * The paragraphs of one article, each judged furniture or not when first asked: alignment reads
 * every sentence of a same-story source, but of an article that only reuses the page's text the
 * one or two reusing sentences, whose paragraphs are all it needs judged.
 */
class ParagraphJudge {
  readonly list: Paragraph[];
  private readonly counts: Int32Array;
  /** Whether a list of related links is open before paragraph i (see inLinkList): 1, 0, or -1 not known yet. */
  private readonly linkListBefore: Int8Array;

  constructor(text: string) {
    this.list = paragraphs(text);
    this.counts = new Int32Array(this.list.length).fill(-1);
    this.linkListBefore = new Int8Array(this.list.length).fill(-1);
  }

  /** Each paragraph's words are counted once: its own tests and the one before ask for them. */
  private words(i: number): number {
    if (this.counts[i]! < 0) this.counts[i] = wordCount(this.list[i]!.text);
    return this.counts[i]!;
  }

  private opensLinkList(i: number): boolean {
    return LINK_LIST_LABEL.test(this.list[i]!.text);
  }

  /** A short unpunctuated line: the title of a link when a list of them is open. */
  private mayBeLinkTitle(i: number): boolean {
    return !endsPunctuated(this.list[i]!.text) && this.words(i) <= LINK_TITLE_MAX_WORDS;
  }

  /**
   * Whether paragraph i stands in a list of related links: a list label opens one, and it goes on
   * over the link titles under it. Read back from i to what decides it (the label, another
   * paragraph, the start), the answers on the way kept.
   */
  private inLinkList(i: number): boolean {
    let k = i - 1;
    let open = false;
    for (; k >= 0 && this.linkListBefore[k + 1]! < 0; k--) {
      if (this.opensLinkList(k)) {
        open = true;
        break;
      }
      if (!this.mayBeLinkTitle(k)) break;
    }
    if (k >= 0 && this.linkListBefore[k + 1]! >= 0) open = this.linkListBefore[k + 1] === 1;
    for (let j = Math.max(k + 1, 0); j <= i; j++) this.linkListBefore[j] = open ? 1 : 0;
    return open;
  }

  /** Whether paragraph i is a caption, a credit line, a byline or a labelled link. */
  isFurniture(i: number): boolean {
    const p = this.list[i]!;
    const words = this.words(i);
    if (this.opensLinkList(i)) return true;
    if (this.mayBeLinkTitle(i) && this.inLinkList(i)) return true;
    // BYLINE starts "By": other paragraphs are spared its compiling (its letter classes are costly too).
    if ((p.text.startsWith('By') && BYLINE.test(p.text) && words <= BYLINE_MAX_WORDS) || LINK_LABEL.test(p.text)) return true;
    const credit = creditLine(p.text, words);
    if (credit) return true;
    const short = words <= CAPTION_MAX_WORDS;
    // A credit line under a paragraph marks a caption only when that paragraph reads like one
    // (agency captions end without a full stop): a story paragraph above a bare picture credit
    // stays story.
    const creditFollows = (): boolean => i + 1 < this.list.length && !endsPunctuated(p.text) && creditLine(this.list[i + 1]!.text, this.words(i + 1));
    return short && (CAPTION_LABEL.test(p.text) || (mayEndInCredit(p.text) && mayHoldCredit(p.text) && CREDITED_CAPTION.test(p.text)) || creditFollows());
  }
}

/** Character ranges [start, end) of the captions and credit lines of `text`. */
export function furnitureRanges(text: string): [number, number][] {
  const judge = new ParagraphJudge(text);
  const ranges: [number, number][] = [];
  judge.list.forEach((p, i) => {
    if (judge.isFurniture(i)) ranges.push([p.start, p.end]);
  });
  return ranges;
}

/**
 * Indices of the sentences that lie in a caption or a credit line. Only the paragraphs the
 * sentences overlap are judged (sentences in text order, as an article's or its reusing ones are).
 */
export function furnitureSentences(text: string, sentences: readonly SentenceSpan[]): Set<number> {
  const judge = new ParagraphJudge(text);
  const { list } = judge;
  const found = new Set<number>();
  let first = 0;
  let previousStart = 0;
  for (const s of sentences) {
    // Paragraphs ending before this sentence end before the later ones too (when in text order).
    if (s.start < previousStart) first = 0;
    previousStart = s.start;
    while (first < list.length && list[first]!.end <= s.start) first++;
    for (let i = first; i < list.length && list[i]!.start < s.end; i++) {
      if (s.start < list[i]!.end && s.end > list[i]!.start && judge.isFurniture(i)) {
        found.add(s.index);
        break;
      }
    }
  }
  return found;
}
