/**
 * Seeded randomness for the corpus generator: a small PRNG, seed hashing and
 * derivation, and uniform or weighted picking.
 */

/** A pseudo-random source returning floats in [0, 1). */
export type Random = () => number

/** A list with cumulative weights for binary-search picking. */
export interface WeightedList<T> {
  /** The items. */
  items: readonly T[]
  /** Running totals of the items' weights. */
  cumulative: readonly number[]
}

/**
 * Creates a seeded PRNG (mulberry32). Written by hand because it is six lines,
 * fast, good enough for test data, and needs no dependency.
 * @param seed 32-bit unsigned seed
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/**
 * Hashes a user seed (string or number) to 32 bits with FNV-1a over its decimal/string form.
 * @param seed the `--seed` value
 */
export function hashSeed(seed: string | number): number {
  const text = String(seed)
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  }
  return hash >>> 0
}

/**
 * Derives an independent 32-bit seed for one stream (e.g. one article) from the corpus seed.
 * @param seed hashed corpus seed
 * @param stream stream number: the article index, or a negative number for registries
 */
export function deriveSeed(seed: number, stream: number): number {
  let x = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b)
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35)
  return (x ^ (x >>> 16)) >>> 0
}

/**
 * Returns an integer in [min, max], both inclusive.
 * @param rand random source
 * @param min lowest value
 * @param max highest value
 */
export function randomInt(rand: Random, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1))
}

/**
 * Picks one item uniformly.
 * @param rand random source
 * @param list non-empty list
 */
export function pick<T>(rand: Random, list: readonly T[]): T {
  return at(list, Math.floor(rand() * list.length))
}

/**
 * Builds a weighted list for {@link pickWeighted}.
 * @param items the items
 * @param weight non-negative weight of an item, by item and index
 */
export function createWeightedList<T>(items: readonly T[], weight: (item: T, index: number) => number): WeightedList<T> {
  const cumulative: number[] = []
  let total = 0
  items.forEach((item, index) => {
    total += weight(item, index)
    cumulative.push(total)
  })
  if (items.length === 0 || !(total > 0)) throw new Error('createWeightedList: needs at least one item with a positive weight')
  return { items, cumulative }
}

/**
 * Picks one item with probability proportional to its weight.
 * @param rand random source
 * @param list weighted list
 */
export function pickWeighted<T>(rand: Random, list: WeightedList<T>): T {
  const { cumulative } = list
  const target = rand() * at(cumulative, cumulative.length - 1)
  let low = 0
  let high = cumulative.length - 1
  while (low < high) {
    const mid = (low + high) >>> 1
    if (at(cumulative, mid) > target) high = mid
    else low = mid + 1
  }
  return at(list.items, low)
}

/**
 * Picks `count` distinct items by weight (retrying on repeats; fine for count ≪ items).
 * @param rand random source
 * @param list weighted list with at least `count` positively weighted items
 * @param count how many to pick
 */
export function pickDistinctWeighted<T>(rand: Random, list: WeightedList<T>, count: number): T[] {
  const picked: T[] = []
  while (picked.length < count) {
    const item = pickWeighted(rand, list)
    if (!picked.includes(item)) picked.push(item)
  }
  return picked
}

/**
 * Reads list[index], throwing instead of returning undefined.
 * @param list any list
 * @param index index to read
 */
export function at<T>(list: readonly T[], index: number): T {
  const item = list[index]
  if (item === undefined) throw new Error(`index ${index} out of range (length ${list.length})`)
  return item
}
