import { readdir, readFile } from 'node:fs/promises'

/** Peak memory of a process tree, in bytes, overall and per program name. */
export interface MemoryPeak {
  /** Largest sum of RSS over the whole tree at one instant. */
  total: number
  /** Largest RSS seen per program (`node`, `pagefind`…). */
  byName: Record<string, number>
}

async function childrenOf(pid: number): Promise<number[]> {
  const children: number[] = []
  try {
    for (const task of await readdir(`/proc/${pid}/task`)) {
      const text = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '')
      for (const child of text.trim().split(/\s+/)) if (child) children.push(Number(child))
    }
  } catch {
    // The process ended between two samples.
  }
  return children
}

async function rssOf(pid: number): Promise<{ name: string; rss: number } | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8')
    const name = /^Name:\s+(.+)$/m.exec(status)?.[1] ?? '?'
    const kb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0)
    return { name, rss: kb * 1024 }
  } catch {
    return undefined
  }
}

/**
 * Samples the resident memory of a process and all its descendants (Pagefind's binary and
 * workers included) until stopped. Linux only: it reads `/proc`.
 *
 * @param pid The root process.
 * @param intervalMs Sampling period. @default 100
 */
export function watchMemory(pid: number, intervalMs = 100): { stop: () => Promise<MemoryPeak> } {
  const peak: MemoryPeak = { total: 0, byName: {} }
  let running = true
  const sample = async (): Promise<void> => {
    let total = 0
    const queue = [pid]
    while (queue.length > 0) {
      const current = queue.pop() as number
      const entry = await rssOf(current)
      if (entry) {
        total += entry.rss
        peak.byName[entry.name] = Math.max(peak.byName[entry.name] ?? 0, entry.rss)
      }
      queue.push(...(await childrenOf(current)))
    }
    peak.total = Math.max(peak.total, total)
  }
  const loop = (async () => {
    while (running) {
      await sample()
      await new Promise((resolve) => setTimeout(resolve, intervalMs))
    }
  })()
  return {
    stop: async () => {
      running = false
      await loop
      return peak
    },
  }
}
