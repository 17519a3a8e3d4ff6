export { corpusStats, ensureCorpus, type CorpusStats } from './bench-corpus.ts'
export { baselineResult, failureReason, type BaselineResult } from './baseline-result.ts'
export { benchBuild, type BuildBenchOptions } from './build-bench.ts'
export { formatBuildBench, ratio, type BuildBenchReport } from './build-bench-table.ts'
export { measureQueries, type QueryCost } from './browser-query.ts'
export { codeEntries, snapshotCode, type CodeSnapshot } from './code-snapshot.ts'
export {
  addArticle,
  addedArticleDate,
  addedArticlePath,
  addedArticleText,
  editArticle,
  editedArticleText,
  editParagraph,
  splitArticle,
  type ArticleText,
} from './corpus-edits.ts'
export { benchEleventy, eleventyVersion, type EleventyBenchOptions } from './eleventy-baseline.ts'
export { eleventySiteFiles } from './eleventy-site.ts'
export { benchHugo, hugoBaseline, type HugoBenchOptions } from './hugo-baseline.ts'
export { hugoArticleText, hugoAtLeast, hugoSiteFiles } from './hugo-site.ts'
export { hugoInstallHint, locateHugo, parseHugoVersion, which, type HugoLookup } from './locate-hugo.ts'
export { describeMachine, type Machine } from './machine.ts'
export { watchMemory, type MemoryPeak } from './process-tree.ts'
export { runMeasured, taskMs, type Measured, type RunMeasuredOptions } from './run-measured.ts'
export { compressionHere, mergeCaches, packedSize, tarArgs, type Packed, type Packing } from './cache-artifact.ts'
export { folderSize, gigabytes, megabytes, seconds, thousands } from './format-units.ts'
export { benchShards, type ShardBenchOptions } from './shard-bench.ts'
export {
  formatShardBench,
  shardPeakLimit,
  summarizeShards,
  type MeasuredBuild,
  type ShardBenchReport,
  type ShardRun,
  type ShardSummary,
} from './shard-bench-table.ts'
export { benchSearch, type SearchBenchOptions, type SearchBenchRow } from './search-bench.ts'
export { formatSearchBench } from './search-bench-table.ts'
export { benchQueries, plantedWord, searchCorpus } from './search-corpus.ts'
export {
  benchToasoan,
  buildStages,
  cacheCounts,
  changeLines,
  changeTemplate,
  pageCounts,
  scenarios,
  type BuildStage,
  type CacheCounts,
  type ScenarioId,
  type ScenarioResult,
  type ToasoanBenchOptions,
} from './toasoan-scenarios.ts'
export { changeCount, diffTrees, type TreeChanges } from './tree-diff.ts'
export { linkTreeCopy, snapshotTree, treeTotals, type FileStamp, type TreeSnapshot } from './tree-snapshot.ts'
export { benchDeploy, formatDeployBench, type DeployBenchOptions, type DeployBenchRow } from './deploy-bench.ts'
export { benchCms, formatCmsBench, type CmsBenchOptions, type CmsBenchReport, type CmsBenchRun } from './cms-bench.ts'
