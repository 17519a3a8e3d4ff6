import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { glob } from 'tinyglobby'
import { importedState } from './imported-file.ts'

/** A post the import wrote at a new path while a file it wrote for the same post is still at the old one. */
export interface MovedPost {
  id: string
  newPath: string
  oldPath: string
}

/**
 * Finds the files an earlier import wrote for posts that this run wrote at another path (the
 * post's date or slug changed on the old site): left as they are, they would publish the post
 * twice under one alias. Reads every article and page, so it runs only on a re-import that wrote
 * new files.
 *
 * @param contentDir The content folder.
 * @param from The source (`wordpress`, `html`).
 * @param written New files of this run, by the post's id.
 */
export async function findMovedPosts(contentDir: string, from: string, written: ReadonlyMap<string, string>): Promise<MovedPost[]> {
  const moved: MovedPost[] = []
  const paths = (await glob(['articles/**/*.md', 'pages/**/*.md'], { cwd: contentDir })).sort()
  for (const path of paths) {
    const state = importedState(await readFile(join(contentDir, path), 'utf8'))
    if (!state || state.from !== from) continue
    const newPath = written.get(state.id)
    if (newPath !== undefined && newPath !== path) moved.push({ id: state.id, newPath, oldPath: path })
  }
  return moved
}
