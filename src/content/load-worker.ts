import { parentPort, workerData } from 'node:worker_threads'
import { loadArticles, type ArticleSetup } from './load-articles.ts'

// A worker thread loading its share of the articles; see loadInWorkers in load.ts. It sends its
// results in batches and lets go of each, so a thread never holds more than one batch (the whole
// share of 50,000 articles, and its copy while being sent, used to be 2 GB at 100,000).
const { paths, setup, batchSize } = workerData as { paths: string[]; setup: ArticleSetup; batchSize: number }
let { measured, stamps } = setup
for (let start = 0; start < paths.length; start += batchSize) {
  const share = paths.slice(start, start + batchSize)
  let reported = 0
  const batch = await loadArticles(share, { ...setup, measured, stamps }, (done) => {
    if (done - reported < 250) return
    parentPort?.postMessage({ progress: done - reported })
    reported = done
  })
  parentPort?.postMessage({ progress: share.length - reported })
  measured = batch.measured
  stamps = batch.stamps
  parentPort?.postMessage({ batch })
}
parentPort?.postMessage({ end: true })
