import { getHeapStatistics, setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

let collect: (() => void) | undefined

/**
 * A heap smaller than this has little to give back: a collection there costs the build its time
 * (20-50 ms, at every build of every test process) and lowers no peak worth the name.
 */
const worthCollecting = 256 * 1024 * 1024

/**
 * Runs a full garbage collection, so the memory the previous stage let go of goes back to the
 * system before Pagefind (a separate process) starts: the build's peak is the sum of both. On
 * 100,000 articles Node otherwise kept about 1 GB of rendering garbage through indexing. A small
 * heap is left as it is (see {@link worthCollecting}).
 */
export function releaseMemory(): void {
  if (getHeapStatistics().used_heap_size < worthCollecting) return
  if (!collect) {
    setFlagsFromString('--expose-gc')
    collect = runInNewContext('gc') as () => void
  }
  collect()
}
