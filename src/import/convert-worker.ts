import { parentPort, workerData } from 'node:worker_threads'
import type { ConvertJob, ConvertThreadData, ConvertDone } from './convert-threads.ts'
import type { ImportRuleId } from './import-rules.ts'
import { uploadsResolver } from './media-copy.ts'
import { finishPost, type BodyInputs } from './wordpress-post.ts'

// A conversion thread (see convert-threads.ts): makes the text of planned posts, as the main
// thread would, and hands back each post's problems in the order they were found.
const data = workerData as ConvertThreadData
const attachmentsOf = (postId: string): readonly string[] => data.byParent.get(postId) ?? []
const resolveImage = uploadsResolver(new Set(data.hosts), data.mediaDir)

parentPort?.on('message', (jobs: ConvertJob[]) => {
  const done: ConvertDone[] = jobs.map((job) => {
    const reports: Array<[ImportRuleId, string]> = []
    const inputs: BodyInputs = {
      timeZone: data.timeZone,
      attachments: data.attachments,
      attachmentsOf,
      resolveImage,
      report: (rule, reason) => void reports.push([rule, reason]),
    }
    try {
      return { seq: job.seq, converted: finishPost(job.item, job.planned, inputs), reports }
    } catch (error) {
      return { seq: job.seq, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
    }
  })
  parentPort?.postMessage(done)
})
