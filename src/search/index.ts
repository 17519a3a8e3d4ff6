export { buildSearchIndex, SearchIndexError, type SearchIndexOptions, type SearchIndexResult } from './build-search-index.ts'
export { searchRecord } from './search-record.tsx'
