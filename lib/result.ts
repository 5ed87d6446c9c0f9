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
  sameStory: boolean;
}

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

export interface AnalysisResult {
  self: SelfMatch | null;
  stories: StoryMatch[];
  sentences: SentenceSpan[];
  facts: Fact[];
  omissions: Omission[];
  unique: SentenceSpan[];
  conflicts: Conflict[];
  coverage: CoverageMatrix;
  corpus: CorpusSummary;
}
