import { parentPort, workerData } from 'node:worker_threads'
import { loadArticles, type ArticleSetup } from './load-articles.ts'

// A worker thread loading its share of the articles; see loadInParallel in load.ts.
const { paths, setup } = workerData as { paths: string[]; setup: ArticleSetup }
parentPort?.postMessage(await loadArticles(paths, setup))
