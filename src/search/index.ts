export { buildSearchIndex, planSearchIndex, SearchIndexError, writeSearchIndex, type PlannedBundle, type SearchIndexOptions, type SearchIndexResult, type SearchPlan } from './build-search-index.ts'
export { searchRecord } from './search-record.tsx'
