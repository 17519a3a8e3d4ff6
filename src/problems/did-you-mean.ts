import { distance } from 'fastest-levenshtein'

/**
 * Finds the candidate closest to a misspelt word, if it is close enough to be a plausible typo.
 *
 * @param word What the writer typed.
 * @param candidates The valid values.
 * @returns The best candidate, or `undefined` when nothing is near.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(word.length / 3))
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase())
    // Ties go to the alphabetically first candidate so the hint is deterministic.
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate
      bestDistance = d
    }
  }
  return bestDistance <= limit ? best : undefined
}
