// The one result type of the engine. The CLI, the background, the tooltip and the popup all
// read this shape; it is plain, serializable data (no Maps, no class instances) so it can
// cross extension messaging and be written as JSON.
// Part 1 (story matching) fills `self` and `stories`; part 2 (fact alignment) fills the rest.
// Add fields freely; rename none (the CLI's JSON lines are a contract).

/** An article as the engine receives it: from a page, a .txt/.html file or a corpus record. */
export interface ArticleInput {
  id?: string;
  outlet?: string | null;
  url?: string;
  title?: string;
  /** YYYY-MM-DD */
  published?: string;
  text: string;
}

/** A sentence of the analyzed article, as character offsets into `ArticleInput.text`. */
export interface SentenceSpan {
  index: number;
  start: number;
  end: number;
  text: string;
}

/** The page is itself (a version of) a corpus article. */
export interface SelfMatch {
  id: string;
  /** Share of the page's shingles found in the corpus article, 0..1. */
  containment: number;
  /** Ids of all corpus versions of the same article (including `id`). */
  versions?: string[];
  outlet?: string | null;
  title?: string | null;
}

/** A corpus article ranked by how likely it covers the same story. */
export interface StoryMatch {
  id: string;
  outlet: string | null;
  title: string | null;
  url: string | null;
  published: string | null;
  score: number;
  /** The same news event as this article (BASIL's meaning); equals `relation === 'same-event'`. */
  sameStory: boolean;
  /**
   * 'same-event': the same news event. 'related': the same subject with specific shared facts,
   * but another occasion (a follow-up, earlier background, another event of the same actors).
   * null: neither.
   */
  relation: StoryRelation | null;
  /** Signed days from this article to that one (positive: it is later); null unless both dates are known. */
  daysApart: number | null;
}

/** How a corpus article relates to the page's news event. */
export type StoryRelation = 'same-event' | 'related';

export type FramingLabelKind =
  | 'attribution' // who said it, and the reporting verb
  | 'hedging' // certainty: allegedly, reportedly, may
  | 'loaded' // evaluative words one side uses
  | 'number' // numbers that disagree
  | 'date' // dates that disagree
  | 'name' // names that disagree
  | 'addition'; // a clause or qualifier one side adds

export interface FramingLabel {
  kind: FramingLabelKind;
  /** Which version carries the marked wording: this article, the other outlet, or both differ. */
  side: 'this' | 'other' | 'both';
  /** The wording in this article (may be empty when only the other side has it). */
  thisText: string;
  /** The wording in the other outlet's version. */
  otherText: string;
  /** A short human sentence, e.g. "NBC News attributes this to Ushakov ('told reporters')". */
  note: string;
}

/** A word-level diff chunk; `added` = only in the other version, `removed` = only in this one. */
export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

/** Why two sentences were judged to report the same fact. */
export type AlignmentReason = 'names' | 'numbers' | 'quote' | 'words' | 'reuse';

/** A passage of another corpus article aligned to a sentence of this article. */
export interface AlignedPassage {
  articleId: string;
  outlet: string | null;
  sentenceIndex: number;
  start: number;
  end: number;
  text: string;
  score: number;
  sameFact: boolean;
  reasons: AlignmentReason[];
  diff: DiffPart[];
  labels: FramingLabel[];
}

/** A sentence of this article that other outlets also report. */
export interface Fact {
  sentence: SentenceSpan;
  passages: AlignedPassage[];
  /** True when some passage disagrees on a number, date or name. */
  conflict: boolean;
}

/** A fact that other outlets report and this article leaves out. */
export interface Omission {
  text: string;
  articleId: string;
  outlet: string | null;
  sentenceIndex: number;
  /** Every (article, sentence) reporting it, for the popup. */
  reportedBy: { articleId: string; outlet: string | null; sentenceIndex: number; text: string }[];
  /** Number of distinct outlets reporting it; the ranking key. */
  outletCount: number;
}

export interface Conflict {
  kind: 'number' | 'date' | 'name';
  sentenceIndex: number;
  thisValue: string;
  otherValue: string;
  articleId: string;
  outlet: string | null;
}

/** Facts × outlets, for the popup's grid. `cells[row][col]` is a passage score or null. */
export interface CoverageMatrix {
  outlets: { articleId: string; outlet: string | null; title: string | null }[];
  rows: { sentenceIndex: number; text: string; cells: (number | null)[] }[];
}

export interface CorpusSummary {
  name: string;
  articles: number;
  outlets: number;
  firstPublished: string | null;
  lastPublished: string | null;
}

/**
 * A related article (follow-up, earlier background, another event of the same actors) with the
 * facts of this article it also reports. Kept apart from same-event `facts`: in-page highlights
 * and omissions stay same-event; the popup's "Earlier and later coverage" timeline reads this.
 */
export interface RelatedCoverage {
  id: string;
  outlet: string | null;
  title: string | null;
  url: string | null;
  published: string | null;
  /** Signed days from this article to the related one (positive: later); null unless both dates are known. */
  daysApart: number | null;
  score: number;
  /** This article's sentences that the related article also reports (same shape as same-event facts). */
  facts: Fact[];
}

export interface AnalysisResult {
  self: SelfMatch | null;
  stories: StoryMatch[];
  sentences: SentenceSpan[];
  facts: Fact[];
  omissions: Omission[];
  unique: SentenceSpan[];
  conflicts: Conflict[];
  coverage: CoverageMatrix;
  /** Related coverage, ranked, few (see RelatedCoverage); never mixed into `facts`. */
  related: RelatedCoverage[];
  corpus: CorpusSummary;
}
