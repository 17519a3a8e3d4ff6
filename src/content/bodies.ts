import { cacheGroup, readStoredBodies, type StoredBody } from './source-cache.ts'

/**
 * The articles' rendered bodies, read when a page or search bundle is made from them. A build
 * with a source cache keeps none in memory: at 100,000 articles they are about 1 GB of the heap,
 * and a rebuild renders a few dozen pages.
 */
export interface BodyStore {
  /**
   * The sanitised HTML of these articles' bodies, by id.
   *
   * @param ids Article ids; those of one cache group together read its file once.
   * @throws For an article read without its body (a build shard's front matter pass), or a body
   *   missing from the cache (a file deleted by hand during the build).
   */
  read(ids: readonly string[]): Promise<Map<string, string>>
}

/** Where an article's body is: in memory, or in the source cache under its digest. */
export type BodyPlace = { html: string } | { path: string; digest: string }

/**
 * A store over bodies in memory or in the source cache's group files; the last few group files
 * read stay in memory, since pages and bundles come in date order.
 *
 * @param placeOf Where an article's body is, by id; an article without one has none.
 * @param cache The source cache folder and the content folder, to find each article's group; and
 *   how to render again, from their files, bodies the cache lacks (a group whose bodies file was
 *   not restored). Without it a missing body is an error.
 */
export function createBodyStore(
  placeOf: (id: string) => BodyPlace | undefined,
  cache?: { dir: string; contentDir: string; restore?: (paths: readonly string[]) => Promise<ReadonlyMap<string, string>> }
): BodyStore {
  const recent = new Map<string, Promise<Map<string, StoredBody>>>()
  const group = (name: string): Promise<Map<string, StoredBody>> => {
    let file = recent.get(name)
    if (!file) {
      if (cache === undefined) throw new Error('bodies in the source cache, but no cache folder')
      file = readStoredBodies(cache.dir, name)
      recent.set(name, file)
      const oldest = recent.keys().next().value
      if (recent.size > 4 && oldest !== undefined) recent.delete(oldest)
    }
    return file
  }
  return {
    async read(ids) {
      const bodies = new Map<string, string>()
      const missing: Array<{ id: string; path: string }> = []
      for (const id of ids) {
        const place = placeOf(id)
        if (place === undefined) throw new Error(`${id} was read without its body`)
        if ('html' in place) {
          bodies.set(id, place.html)
          continue
        }
        const stored = (await group(cacheGroup(cache?.contentDir ?? '', place.path))).get(place.path)
        if (stored?.digest === place.digest) bodies.set(id, stored.html)
        else missing.push({ id, path: place.path })
      }
      if (missing.length === 0) return bodies
      const restored = (await cache?.restore?.(missing.map(({ path }) => path))) ?? new Map<string, string>()
      for (const { id, path } of missing) {
        const html = restored.get(path)
        if (html === undefined) throw new Error(`the body of ${id} is missing from the source cache (${cache?.dir}): delete that folder and build again`)
        bodies.set(id, html)
      }
      return bodies
    },
  }
}
