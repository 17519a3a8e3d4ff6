import { tsImport } from 'tsx/esm/api'
import { access } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { EleventyConfig } from '@11ty/eleventy'

export type { EleventyConfig } from '@11ty/eleventy'

/**
 * What a newsroom's `toasoan.config.ts` may export (as its default export): the extension point
 * for the pages it writes under `content/pages/`.
 */
export interface ToasoanConfig {
  /**
   * Receives Eleventy's configuration for the run that renders the newsroom's pages: add filters,
   * shortcodes, plugins, transforms and passthrough copies there. Article and index pages are not
   * rendered in that run, so nothing added here reaches them.
   */
  eleventy?: (config: EleventyConfig) => void | Promise<void>
}

/** File names looked for in the working folder, in this order. */
export const userConfigNames = ['toasoan.config.ts', 'toasoan.config.mjs', 'toasoan.config.js'] as const

/**
 * The newsroom's configuration file, if any: the first of {@link userConfigNames} in `dir`.
 *
 * @param dir The folder to look in. @default the working folder
 */
export async function findUserConfig(dir: string = process.cwd()): Promise<string | undefined> {
  for (const name of userConfigNames) {
    const path = resolve(join(dir, name))
    if (
      await access(path).then(
        () => true,
        () => false
      )
    )
      return path
  }
  return undefined
}

/**
 * Loads the newsroom's configuration file: the first of {@link userConfigNames} in `dir`.
 *
 * @param dir The folder to look in. @default the working folder
 * @returns Its default export, or nothing when there is no such file.
 */
export async function loadUserConfig(dir: string = process.cwd()): Promise<{ path: string; config: ToasoanConfig } | undefined> {
  const path = await findUserConfig(dir)
  if (path === undefined) return undefined
  const name = basename(path)
  // A TypeScript file through tsx, as the command runs compiled JavaScript (scripts/cli-bundle.js).
  const module = (name.endsWith('.ts') ? await tsImport(pathToFileURL(path).href, import.meta.url) : await import(pathToFileURL(path).href)) as {
    default?: ToasoanConfig
  }
  const config = module.default ?? {}
  if (typeof config !== 'object' || (config.eleventy !== undefined && typeof config.eleventy !== 'function')) {
    throw new Error(`${name} must export default an object whose "eleventy" is a function`)
  }
  return { path, config }
}
