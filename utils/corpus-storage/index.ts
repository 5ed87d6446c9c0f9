// One home for stored corpora, shared by the background, the options page and its worker (WXT
// entrypoints import this folder, never each other's files). Nothing exported here touches an
// extension API, so the worker and Node tests import it freely; ./bundled.ts (the packaged
// corpus) and ./problems.ts (extension storage) are imported by path where the browser API is.
export { openCorporaDb, DB_NAME, DB_VERSION, type CorporaDatabase, type StoredPart } from './db';
export { emptyManifest, liveCount, storedArticles, storedBytes, type Manifest, type SegmentEntry, type SegmentKind } from './manifest';
export { readManifest, readParts, switchManifest, collectOrphans, ORPHAN_AGE_MS, type SegmentPart } from './store';
export { openStoredCorpus, loadWholeSegment, BUNDLED_SEGMENT_ID, FEED_ARTICLES_PART, type OpenedCorpus, type SegmentCache } from './open';
export { addImport, removeImport, listImports, listStoredCorpora, feedsEntry, takenIds } from './imports';
export { saveFeedRefresh, dropUnfollowed, applyFeedRetention, readFeedArticles, type SavedRefresh } from './feed-segments';
export { reconcile } from './reconcile';
export { planMerge, mergeOnce, runMerges, tierOf } from './merge';
export { StorageFullError, STORAGE_FULL_MESSAGE, isStorageFull, isQuotaError, estimateStorage, nearQuota, quotaShare, QUOTA_WARNING_SHARE, type StorageUse } from './quota';
export { SEGMENT_FORMAT } from './segment-api';
export { createStoredCorpora, type StoredCorpora } from './corpora';
export { createCorpusStore, type CorpusStore } from './lazy-corpus';
export { jobsHere, newImport, type CorpusJobs } from './jobs';
export { knownLookup } from './known';
