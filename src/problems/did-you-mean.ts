import slugify from '@sindresorhus/slugify'
import { distance } from 'fastest-levenshtein'

/** A registry entry a writer may refer to by its id or think of by its display name. */
export interface NamedCandidate {
  id: string
  name?: string | undefined
}

/**
 * Finds the candidate closest to a misspelt word, if it is close enough to be a plausible typo.
 * With registry entries, a word that is an entry's display name ("Lê Hà" → `le-ha`) or the end of
 * an id (`sam-son` → `tp-sam-son`) is suggested first: writers type what they see on the page.
 *
 * @param word What the writer typed.
 * @param candidates The valid values, or registry entries with their display names.
 * @returns The best candidate's id, or `undefined` when nothing is near.
 */
export function didYouMean(word: string, candidates: Iterable<string | NamedCandidate>): string | undefined {
  const entries = [...candidates].map((candidate) => (typeof candidate === 'string' ? { id: candidate } : candidate))
  const slug = slugify(word)
  if (slug !== '') {
    const named = entries.map((entry) => ({ id: entry.id, name: entry.name === undefined ? undefined : slugify(entry.name) }))
    // "Hoằng Hóa" is the id hoang-hoa, or "Lê Hà" the name of le-ha; "sam-son" or "Sầm Sơn" ends
    // tp-sam-son or "TP. Sầm Sơn".
    const byName = firstId(named.filter((entry) => entry.id === slug || entry.name === slug))
    if (byName !== undefined) return byName
    const bySuffix = firstId(named.filter((entry) => entry.id.endsWith(`-${slug}`) || entry.name?.endsWith(`-${slug}`)))
    if (bySuffix !== undefined) return bySuffix
  }
  const limit = Math.max(2, Math.floor(word.length / 3))
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const { id } of entries) {
    const d = distance(word.toLowerCase(), id.toLowerCase())
    // Ties go to the alphabetically first candidate so the hint is deterministic.
    if (d < bestDistance || (d === bestDistance && best !== undefined && id < best)) {
      best = id
      bestDistance = d
    }
  }
  return bestDistance <= limit ? best : undefined
}

/** The alphabetically first id, so the hint is the same whatever the registry's order. */
function firstId(entries: ReadonlyArray<{ id: string }>): string | undefined {
  return entries.map((entry) => entry.id).sort()[0]
}
