export {
  articleIndexVersion,
  indexArticles,
  indexedPaths,
  parseIndex,
  serialiseIndex,
  stampOfIndex,
  type ArticleIndex,
} from './article-index.ts'
export { articleIndexPath, contentStamp, readArticleIndex, writeArticleIndex, type IndexMiss } from './article-index-file.ts'
export {
  articleOfPath,
  articlePaths,
  basePathOf,
  normalisePath,
  pathsOfArticles,
  type AliasedArticle,
  type ArticlePaths,
  type ReadArticle,
} from './article-paths.ts'
export { createCloudFrontParser } from './cloudfront-log.ts'
export { parseCombinedLine, unescapeLogString } from './combined-log.ts'
export { createCsvParser } from './csv-counts.ts'
export { detectFormat, lineParsers, type LogFormat } from './detect-format.ts'
export { mostReadFolder, mostReadUrl, type MostReadScope } from './fragment-urls.ts'
export { isLineProblem, parseClfTime, type Hit, type LineParser, type LineProblem, type LineResult } from './hit.ts'
export { parseJsonLogLine } from './json-log.ts'
export { mostRead, type MostReadOptions, type MostReadResult } from './most-read.ts'
export { mostReadCommand, type MostReadArgs } from './most-read-command.ts'
export { mostReadRules, reportMostRead, type MostReadRuleId } from './most-read-rules.ts'
export { listLength, rankArticles, serialiseList, type MostReadList, type RankScopes } from './rank-articles.ts'
export { readSources, sourceFiles, type SourceSummary } from './read-sources.ts'
export { createReaderCounter, hashClient, type LeftOut, type ReaderCounter } from './reader-counter.ts'
export { parseS3AccessLine } from './s3-access-log.ts'
export { defaultWindows, parseWindows, type ReadWindow } from './windows.ts'
export { writeFragments, type FragmentsWritten } from './write-fragments.ts'
