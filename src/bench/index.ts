export { measureQueries, type QueryCost } from './browser-query.ts'
export { watchMemory, type MemoryPeak } from './process-tree.ts'
export { runMeasured, taskMs, type Measured } from './run-measured.ts'
export { benchSearch, formatSearchBench, type SearchBenchOptions, type SearchBenchRow } from './search-bench.ts'
