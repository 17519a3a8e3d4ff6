import { startTypeScriptWorker } from '../shared/typescript-worker.ts'
import type { ImportRuleId } from './import-rules.ts'
import type { AttachmentInfo } from './shortcodes.ts'
import type { ConvertedPost, PlannedPost } from './wordpress-post.ts'
import type { WxrItem } from './wxr-item.ts'

/** What every conversion thread gets once: what {@link finishPost} reads besides the post. */
export interface ConvertThreadData {
  timeZone: string
  attachments: ReadonlyMap<string, AttachmentInfo>
  byParent: ReadonlyMap<string, string[]>
  hosts: string[]
  mediaDir: string | undefined
}

/** One post to make the text of. */
export interface ConvertJob {
  seq: number
  item: WxrItem
  planned: PlannedPost
}

/** A post's text and the problems found making it, in order; or the error that stopped it. */
export type ConvertDone = { seq: number; converted: ConvertedPost; reports: Array<[ImportRuleId, string]> } | { seq: number; error: string }

/** Threads that make the text of planned posts (HTML → Markdown, comments, front matter). */
export interface ConvertThreads {
  /** Resolves with the post's text and its problems, in the order they were found. */
  convert(item: WxrItem, planned: PlannedPost): Promise<{ converted: ConvertedPost; reports: Array<[ImportRuleId, string]> }>
  /** Stops the threads. */
  close(): Promise<void>
}

interface Waiting {
  done: (value: { converted: ConvertedPost; reports: Array<[ImportRuleId, string]> }) => void
  fail: (error: Error) => void
}

// Posts go to a thread a few at a time: one message a post cost more than converting a short one.
const batchSize = 8

/**
 * Starts `count` threads that convert posts beside the main thread, which keeps reading the
 * export, planning posts in file order and writing files. A post's text depends only on the post,
 * its plan and `data`, so which thread made it changes no byte.
 *
 * @param count How many threads.
 * @param data The run's zone, attachments, hosts and media folder.
 */
export function startConvertThreads(count: number, data: ConvertThreadData): ConvertThreads {
  const waiting = new Map<number, Waiting>()
  let failure: Error | undefined
  const fail = (error: Error): void => {
    failure ??= error
    for (const job of waiting.values()) job.fail(failure)
    waiting.clear()
  }
  const threads = Array.from({ length: count }, () => {
    // A small young generation: the command's 128 MB semi-spaces (scripts/toasoan.js) are for
    // loading an archive's long-lived objects, and a converting thread keeps nothing between posts
    // but its copy of the attachments (about 0.5 KB each: the old generation allows 2 KB).
    const worker = startTypeScriptWorker(new URL('./convert-worker.ts', import.meta.url), {
      workerData: data,
      resourceLimits: { maxYoungGenerationSizeMb: 48, maxOldGenerationSizeMb: Math.max(192, Math.ceil(data.attachments.size / 500)) },
    })
    const thread = { worker, inFlight: 0, batch: [] as ConvertJob[] }
    worker.on('message', (done: ConvertDone[]) => {
      thread.inFlight -= done.length
      for (const entry of done) {
        const job = waiting.get(entry.seq)
        waiting.delete(entry.seq)
        if ('error' in entry) job?.fail(new Error(`a conversion thread failed: ${entry.error}`))
        else job?.done({ converted: entry.converted, reports: entry.reports })
      }
    })
    worker.on('error', fail)
    worker.on('exit', (code) => {
      if (waiting.size > 0) fail(new Error(`a conversion thread stopped (exit code ${code})`))
    })
    return thread
  })
  const flush = (thread: (typeof threads)[number]): void => {
    if (thread.batch.length === 0) return
    thread.inFlight += thread.batch.length
    thread.worker.postMessage(thread.batch)
    thread.batch = []
  }
  let seq = 0
  let flushing: NodeJS.Immediate | undefined
  return {
    convert(item, planned) {
      if (failure) return Promise.reject(failure)
      const thread = threads.reduce((best, next) => (next.inFlight + next.batch.length < best.inFlight + best.batch.length ? next : best))
      const job: ConvertJob = { seq: seq++, item, planned }
      const promise = new Promise<{ converted: ConvertedPost; reports: Array<[ImportRuleId, string]> }>((done, failJob) => {
        waiting.set(job.seq, { done, fail: failJob })
      })
      thread.batch.push(job)
      if (thread.batch.length >= batchSize) flush(thread)
      // A batch not yet full leaves when the main thread next waits.
      flushing ??= setImmediate(() => {
        flushing = undefined
        for (const each of threads) flush(each)
      })
      return promise
    },
    async close() {
      if (flushing) clearImmediate(flushing)
      await Promise.all(threads.map((thread) => thread.worker.terminate()))
    },
  }
}
