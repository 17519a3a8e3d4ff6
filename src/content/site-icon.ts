import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { VFile } from 'vfile'
import { report } from '../problems/report.ts'
import { createMediaReader, imageCandidates, type MediaFile } from './media.ts'
import { parseYamlSource, yamlPosition } from './yaml-source.ts'

/** An image site.yml names, and what it must be. */
export interface SiteImageField {
  /** Where it is in site.yml, e.g. `['icon']` or `['publisher', 'logo']`. */
  path: readonly string[]
  /** Smallest width and height accepted, in pixels. */
  minimum: { width: number; height: number }
}

/**
 * Reads and measures an image site.yml names by its path in the content folder, or says why it
 * cannot be used, at its line in site.yml: missing, outside the content folder, not an image, or
 * smaller than it must be.
 *
 * @param contentDir The content folder.
 * @param value The path as site.yml writes it, if any.
 * @param field Where it is and how big it must be.
 * @returns The measured image, nothing when there is no value, or site.yml with the problem.
 */
export async function loadSiteImage(contentDir: string, value: string | undefined, field: SiteImageField): Promise<{ media?: MediaFile; problem?: VFile }> {
  if (value === undefined) return {}
  const root = resolve(contentDir)
  const candidates = imageCandidates(value.startsWith('/') ? value : `/${value}`, root, root)
  const media = candidates === 'outside' ? 'outside' : await createMediaReader(root)(candidates[0] ?? '')
  const { width, height } = field.minimum
  if (typeof media !== 'string' && media.width >= width && media.height >= height) return { media }
  const path = join(contentDir, 'site.yml')
  const file = new VFile({ path })
  const parsed = parseYamlSource(await readFile(path, 'utf8'), file)
  const place = parsed ? yamlPosition(parsed.source, field.path) : undefined
  if (media === 'missing') report(file, 'missing-image', { src: value }, place)
  else if (media === 'outside') report(file, 'image-outside-content', { src: value, linked: candidates !== 'outside' }, place)
  else if (typeof media === 'string') report(file, 'unreadable-image', { src: value }, place)
  else
    report(
      file,
      'invalid-field',
      { field: field.path.join('.'), reason: `the image is ${media.width}×${media.height} px; it needs at least ${width}×${height}` },
      place
    )
  return { problem: file }
}

/**
 * Reads site.yml's `icon`: square, at least 192 px (the largest icon published).
 *
 * @param contentDir The content folder.
 * @param icon The `icon` of site.yml, if any.
 */
export function loadSiteIcon(contentDir: string, icon: string | undefined): Promise<{ media?: MediaFile; problem?: VFile }> {
  return loadSiteImage(contentDir, icon, { path: ['icon'], minimum: { width: 192, height: 192 } })
}

/**
 * Reads site.yml's `publisher.logo` when it is a file of the content folder (an https URL is used
 * as written): at least 112 px each way, as Google asks of a logo.
 *
 * @param contentDir The content folder.
 * @param logo `publisher.logo`.
 */
export function loadPublisherLogo(contentDir: string, logo: string): Promise<{ media?: MediaFile; problem?: VFile }> {
  return loadSiteImage(contentDir, logo.startsWith('https://') ? undefined : logo, { path: ['publisher', 'logo'], minimum: { width: 112, height: 112 } })
}
