import { mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { writeAtomic } from '../cache/atomic-write.ts'
import { digest } from '../cache/digest.ts'
import { digestPlaceholder } from './front-matter-text.ts'

const importedPattern = /^imported: \{from: (\w+), id: ("(?:[^"\\]|\\.)*"), (?:source: "([0-9a-f]+)", )?digest: ("[0-9a-f]*")\}$/m

/**
 * Fills in the digest of a file the import writes: SHA-256 of its text with the digest left empty,
 * so the file itself says whether anyone changed it since.
 *
 * @param text The file's text, holding the placeholder.
 */
export function withDigest(text: string): string {
  const sum = digest(text).slice(0, 20)
  return text.replace(`digest: ${digestPlaceholder}}`, `digest: "${sum}"}`)
}

/** What the `imported:` line of a file says, and whether the file is as the import wrote it. */
export function importedState(text: string): { from: string; id: string; source?: string; unedited: boolean } | undefined {
  const match = importedPattern.exec(text)
  if (!match) return undefined
  const blank = text.replace(match[0], match[0].replace(/digest: "[0-9a-f]*"\}$/, `digest: ${digestPlaceholder}}`))
  const state = { from: match[1] as string, id: JSON.parse(match[2] as string) as string, unedited: match[4] === `"${digest(blank).slice(0, 20)}"` }
  return match[3] === undefined ? state : { ...state, source: match[3] }
}

/** What happened to one file. */
export type WriteOutcome = 'written' | 'updated' | 'unchanged' | 'edited' | 'foreign'

/**
 * Writes a file of the import unless that would lose someone's work: a file the import wrote and
 * nobody changed since is replaced; a file changed since (`edited`) or not written by the import
 * for this source (`foreign`) is left as it is.
 *
 * @param path Absolute path.
 * @param text The new text, digest filled in.
 * @param source Where it came from, to recognise the import's own file.
 * @param dryRun Decide only; write nothing.
 */
export async function writeImported(path: string, text: string, source: { from: string; id: string }, dryRun: boolean): Promise<WriteOutcome> {
  const existing = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
  if (existing === text) return 'unchanged'
  let outcome: WriteOutcome = 'written'
  if (existing !== undefined) {
    const state = importedState(existing)
    if (!state || state.from !== source.from || state.id !== source.id) return 'foreign'
    if (!state.unedited) return 'edited'
    outcome = 'updated'
  }
  if (!dryRun) {
    await mkdir(dirname(path), { recursive: true })
    await writeAtomic(path, text)
  }
  return outcome
}
