// The corpus: record schemas, the compiler, the binary artifact and the queryable Corpus.
export { CorpusRecordSchema, CorpusInputError, parseCorpusFile, recordsFromManifest, validateRecord, type CorpusRecord, type SkippedLine, type ParsedCorpusFile } from './schema.ts';
export { CorpusBuilder, compileCorpus, inverseDocumentFrequency, TOP_TERMS, type CompileOptions } from './compile.ts';
export { serializeCorpus, deserializeCorpus, CorpusFormatError } from './format.ts';
export { CompiledCorpus, loadCorpus, type Corpus, type CorpusArticle, type TermVector } from './corpus.ts';
export { articleFeatures, factKeys, type ArticleFeatures } from './features.ts';
export { IDF_PRIOR_ARTICLES } from './compile.ts';
export { FORMAT_VERSION, NO_DATE, dayFromIso, isoFromDay, type CorpusData, type CorpusMeta } from './data.ts';
export { isReadable, VERSION_CONTAINMENT } from './versions.ts';
export { ARTICLE_BLOCK_SIZE, ArticlesNotLoadedError, assembleSegment, segmentFromParts, serializeSegmentParts, type LoadArticleBlock, type SegmentParts } from './parts.ts';
export { KnownArticles, KnownSegment, type CorpusContext } from './known-articles.ts';
export { lookupsOf, readLookups, serializeLookups, type SegmentLookups } from './segment-lookups.ts';
export { compileSegment, compileSegmentInSlices, mergeSegments, openSegmentedCorpus, SegmentedCorpus, type Segment, type SegmentOptions, type SlicedCompileOptions } from './segments.ts';
