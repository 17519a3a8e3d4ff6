import { randomBytes } from 'node:crypto'
import { isbot } from 'isbot'
import { type ArticlePaths, articleOfPath } from './article-paths.ts'
import type { Hit } from './hit.ts'
import { createPairSet, type PairSet } from './pair-set.ts'
import type { ReadWindow } from './windows.ts'

const dayMs = 86_400_000

/** Why hits were not counted, for the command's summary. */
export interface LeftOut {
  robots: number
  notOk: number
  notArticle: number
  outsideWindows: number
  /** The same client reading the same article again the same day. */
  repeats: number
}

/** Counts readers of articles, window by window. */
export interface ReaderCounter {
  /** Counts one hit, or says why not. */
  add: (hit: Hit) => void
  /** Readers of each article (by index) in a window. */
  readers: (window: string) => Map<number, number>
  /** Hits counted and left out. */
  tally: () => { counted: number; leftOut: LeftOut }
}

/**
 * A counter of readers: a hit counts when it is a 200 to a GET of an article page from a browser
 * (isbot's list of crawlers, and an empty user agent, are robots) inside a window; a client (its
 * address and user agent, or a session) counts once per article per day, so a reload storm is one
 * reader. Clients are kept only as 30-bit hashes salted afresh each run, in memory, as pairs with
 * their article and day in one compact set (see `pair-set.ts`).
 *
 * @param paths The published articles and their paths.
 * @param windows The windows to count.
 * @param now The end of every window, epoch ms.
 */
export function createReaderCounter(paths: ArticlePaths, windows: readonly ReadWindow[], now: number): ReaderCounter {
  const salt = randomBytes(8).toString('hex')
  const longest = Math.max(...windows.map((window) => window.ms))
  // Per window: readers without a client (exports) by article, and clients by article and day.
  // Windows of whole days share one store of clients by day (the last day of `7d` is `24h`): a
  // client read on a day is kept once, whatever the windows.
  const counts = windows.map(() => new Map<number, number>())
  const byDay = createPairSet()
  const clients = windows.map((window) => (window.ms % dayMs === 0 ? byDay : createPairSet()))
  const leftOut: LeftOut = { robots: 0, notOk: 0, notArticle: 0, outsideWindows: 0, repeats: 0 }
  let counted = 0
  // isbot runs a long regular expression: each user agent is asked once.
  const robotAgents = new Map<string, boolean>()
  const isRobot = (agent: string): boolean => {
    let robot = robotAgents.get(agent)
    if (robot === undefined) {
      robot = agent === '' || isbot(agent)
      if (robotAgents.size < 100_000) robotAgents.set(agent, robot)
    }
    return robot
  }

  const add = (hit: Hit): void => {
    if (hit.status !== 200 || (hit.method !== undefined && hit.method !== 'GET')) {
      leftOut.notOk += hit.views
      return
    }
    const age = hit.time === undefined ? 0 : now - hit.time
    if (age < 0 || age >= longest) {
      leftOut.outsideWindows += hit.views
      return
    }
    if (hit.userAgent !== undefined && isRobot(hit.userAgent)) {
      leftOut.robots += hit.views
      return
    }
    const article = articleOfPath(paths, hit.path)
    if (article === undefined) {
      leftOut.notArticle += hit.views
      return
    }
    const client = hit.client === undefined || hit.distinct === true ? undefined : hashClient(salt, hit.client)
    const day = Math.floor(age / dayMs)
    let repeat = true
    let dayDone = false
    windows.forEach((window, at) => {
      if (age >= window.ms) return
      if (client === undefined) {
        const map = counts[at] as Map<number, number>
        map.set(article, (map.get(article) ?? 0) + hit.views)
        repeat = false
        return
      }
      const cells = clients[at] as PairSet
      if (cells === byDay) {
        if (dayDone) return
        dayDone = true
      }
      if (cells.add(article * 1024 + day, client)) repeat = false
    })
    if (repeat) leftOut.repeats += hit.views
    else counted += hit.views
  }

  const readers = (name: string): Map<number, number> => {
    const at = windows.findIndex((window) => window.name === name)
    const window = windows[at]
    const total = new Map(counts[at])
    if (window === undefined) return total
    const days = Math.ceil(window.ms / dayMs)
    clients[at]?.forEach((cell) => {
      // The shared store holds the longest window's days: a shorter one takes its own.
      if (cell % 1024 >= days) return
      const article = Math.floor(cell / 1024)
      total.set(article, (total.get(article) ?? 0) + 1)
    })
    return total
  }

  return { add, readers, tally: () => ({ counted, leftOut: { ...leftOut } }) }
}

/** FNV-1a over the salt and the client, folded to 30 bits so V8 keeps it a small integer. */
export function hashClient(salt: string, client: string): number {
  let hash = 0x811c9dc5
  const text = salt + client
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 2) & 0x3fffffff
}
