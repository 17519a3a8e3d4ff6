import { cp, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { root, tempDir } from './fixtures.ts'

/**
 * Copies the code (src/, templates/, package.json, the lockfile and tsconfig) to a temporary
 * repository inside `.cache/`, where Node still finds the installed packages by walking up. The
 * copy's fingerprints equal the original's until a file of it changes.
 */
export async function copyCode(): Promise<string> {
  const dir = await tempDir('code')
  for (const name of ['src', 'templates', 'package.json', 'package-lock.json', 'tsconfig.json'])
    await cp(join(root, name), join(dir, name), { recursive: true })
  return dir
}

/**
 * Replaces a string in a file of a copy, failing when it is not there (a test that changes nothing
 * would prove nothing).
 *
 * @param path The file.
 * @param from The text to replace.
 * @param to Its replacement.
 */
export async function replaceInFile(path: string, from: string, to: string): Promise<void> {
  const text = await readFile(path, 'utf8')
  if (!text.includes(from)) throw new Error(`${path} does not contain ${JSON.stringify(from)}`)
  await writeFile(path, text.replace(from, to))
}
