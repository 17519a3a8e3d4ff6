export { buildSearchIndex, SearchIndexError, type SearchIndexOptions } from './build-search-index.ts'
export { searchRecord } from './search-record.tsx'
