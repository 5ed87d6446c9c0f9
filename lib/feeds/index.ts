// Fresh coverage from the news feeds a user follows: feed lists, feed parsing, polite fetching,
// article extraction and near-duplicate linking, for the CLI and the extension's background.
export type { CorpusRecord, FeedDocument, FeedItem, FeedSource } from './types';
export { publishedDay, parseWindow } from '../article/dates';
export { canonicalUrl, hostOf, isWebUrl, resolveWebUrl } from './url';
export { FeedParseError, parseFeedDocument } from './parse';
export { FeedListError, feedListToOpml, parseFeedList, type FeedList } from './feed-list';
export { extractArticle, NotAnArticleError, type ExtractedArticle } from '../article/from-html';
export { NearDuplicateIndex, SAME_TEXT_CONTAINMENT, type NearDuplicate } from './near-duplicates';
export { createFetcher, DEFAULT_USER_AGENT, FetchFailure, type Fetcher, type FetcherOptions, type FetchLike, type FetchResult, type Validators } from './fetch/fetcher';
export { createKeyedLimiter, createLimiter, type Limiter } from './fetch/limiter';
export {
  articleId,
  FEED_MAX_BYTES,
  PAGE_MAX_BYTES,
  refreshFeeds,
  type FeedReport,
  type ItemReport,
  type KnownArticle,
  type RefreshOptions,
  type RefreshProgress,
  type RefreshResult,
} from './refresh';
