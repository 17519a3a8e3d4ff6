import { parentPort, workerData } from 'node:worker_threads'
import { loadArticles, type ArticleSetup } from './load-articles.ts'

// A worker thread loading its share of the articles; see loadInParallel in load.ts.
const { paths, setup } = workerData as { paths: string[]; setup: ArticleSetup }
let reported = 0
const batch = await loadArticles(paths, setup, (done) => {
  if (done - reported < 250) return
  parentPort?.postMessage({ progress: done - reported })
  reported = done
})
parentPort?.postMessage({ progress: paths.length - reported })
parentPort?.postMessage(batch)
