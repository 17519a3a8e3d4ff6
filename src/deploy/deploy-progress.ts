import type { ManifestEntry } from '../publish/index.ts'
import type { RemoteState } from './deploy-plan.ts'

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** The bucket's state as this run recorded it before its first upload. */
  state: RemoteState
  /** The build's entries: an uploaded file gets its own. */
  local: Record<string, ManifestEntry>
  /** Stores a state in the bucket. */
  write: (state: RemoteState) => Promise<void>
  /** Uploads recorded at once. @default 500 */
  every?: number
  /** Or after this long (ms). @default 5000 */
  everyMs?: number
}

/** What {@link createProgress} returns. */
export interface Progress {
  /** Records that a file is in the bucket with the build's bytes; stores the state now and then. */
  uploaded: (path: string) => Promise<void>
  /** Stores what is not stored yet (before rethrowing a failure). */
  save: () => Promise<void>
  /** Waits for the stores already started, starting none: a state stored after it lands after them. */
  settled: () => Promise<void>
  /** Files uploaded so far. */
  count: () => number
}

/**
 * The record of a deploy's uploads in the bucket's manifest: each uploaded file leaves the pending
 * list and gets its entry, stored in batches, so a run that fails half-way (flaky storage, a
 * denied key) leaves its work done and the next run uploads only the rest. Stores run one at a
 * time, in order: a later state never lands before an earlier one.
 *
 * @param options The starting state, the build's entries and how to store.
 */
export function createProgress(options: ProgressOptions): Progress {
  const every = options.every ?? 500
  const everyMs = options.everyMs ?? 5000
  const files = { ...options.state.files }
  const pending = new Set(options.state.pending)
  let unsaved = 0
  let uploaded = 0
  let savedAt = Date.now()
  let chain: Promise<void> = Promise.resolve()
  const save = (): Promise<void> => {
    if (unsaved === 0) return chain
    unsaved = 0
    savedAt = Date.now()
    // A copy: uploads go on while it is written.
    const state: RemoteState = {
      files: { ...files },
      pending: [...pending],
      rules: options.state.rules,
      ...(options.state.keys === undefined ? {} : { keys: options.state.keys }),
    }
    // After a failed store the next one still runs: it holds every upload the failed one held.
    const store = (): Promise<void> => options.write(state)
    chain = chain.then(store, store)
    return chain
  }
  return {
    uploaded: async (path) => {
      const entry = options.local[path]
      if (entry !== undefined) files[path] = entry
      pending.delete(path)
      unsaved++
      uploaded++
      if (unsaved >= every || Date.now() - savedAt >= everyMs) await save()
    },
    save,
    settled: () => chain,
    count: () => uploaded,
  }
}
