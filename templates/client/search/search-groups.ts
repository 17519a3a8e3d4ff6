import type { PagefindApi, PagefindSearcher } from './pagefind-api.ts'

/**
 * The archive's bundles as two searchable groups: the newest bundle alone, which answers first,
 * and every older bundle merged into a second Pagefind instance, which answers after it. The first
 * result costs one bundle (pagefind.js, its WebAssembly and one bundle's metadata) whatever the
 * size of the archive; older articles stream in below.
 */
export interface SearchGroups {
  /** Number of groups (1 or 2). */
  count: number
  /** The group's searcher, loaded on first use. */
  open(group: number): Promise<PagefindSearcher>
}

/**
 * Loads Pagefind from the newest bundle and prepares the older ones.
 *
 * @param bundles Bundle URLs, newest first.
 */
export async function openGroups(bundles: readonly string[]): Promise<SearchGroups> {
  const [newest, ...older] = bundles
  if (newest === undefined) throw new Error('no search bundle')
  const pagefind = (await import(/* @vite-ignore */ `${newest}pagefind.js`)) as PagefindApi
  // On the main thread: Pagefind's web worker would cost a second copy of its code (42 KB) before the first answer.
  await pagefind.options({ excerptLength: 30, noWorker: true })
  await pagefind.init()
  let rest: Promise<PagefindSearcher> | undefined
  const openOlder = async (): Promise<PagefindSearcher> => {
    const [first, ...others] = older as [string, ...string[]]
    const instance = pagefind.createInstance({ basePath: first, excerptLength: 30, noWorker: true })
    await instance.init()
    await Promise.all(others.map((bundle) => instance.mergeIndex(bundle)))
    return instance
  }
  return {
    count: older.length > 0 ? 2 : 1,
    open: (group) => (group === 0 ? Promise.resolve(pagefind) : (rest ??= openOlder())),
  }
}
