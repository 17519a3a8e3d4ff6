import { stat } from 'node:fs/promises'

/**
 * Maps items with an async task, at most `limit` at a time, keeping the results in order.
 *
 * @param items The items.
 * @param limit Most tasks running at once.
 * @param task The work for one item.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/**
 * Whether a path exists.
 *
 * @param path Any path.
 */
export function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  )
}
