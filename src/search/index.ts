export {
  buildSearchIndex,
  planSearchIndex,
  writeSearchIndex,
  type PlannedBundle,
  type SearchIndexOptions,
  type SearchIndexResult,
  type SearchPlan,
} from './build-search-index.ts'
export { indexBundle, SearchIndexError } from './index-bundle.ts'
export { searchRecord } from './search-record.tsx'
export { dSpellings, foldedMarker } from './d-spellings.ts'
export { cacheBundleWords, recordWords, routesFolder, writeRoutes, writeWordRoutes, type RoutesIndex, type WordRoutesResult } from './word-routes.ts'
export {
  planTitleIndex,
  titlesFolder,
  writeTitleIndex,
  type TitledArticle,
  type TitleIndexOptions,
  type TitleIndexResult,
  type TitleUnit,
} from './title-index.ts'
