import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { VFile } from 'vfile'
import { report } from '../problems/report.ts'
import { createMediaReader, imageCandidates, type MediaFile } from './media.ts'
import { parseYamlSource, yamlPosition } from './yaml-source.ts'

/**
 * Reads and measures site.yml's `icon` (a path from the content folder), or says why it cannot be
 * used, at `icon`'s line in site.yml: missing, outside the content folder, not an image, or not
 * big enough for a 192 px home-screen icon.
 *
 * @param contentDir The content folder.
 * @param icon The `icon` of site.yml, if any.
 * @returns The measured image, nothing when site.yml names none, or site.yml with the problem.
 */
export async function loadSiteIcon(contentDir: string, icon: string | undefined): Promise<{ media?: MediaFile; problem?: VFile }> {
  if (icon === undefined) return {}
  const root = resolve(contentDir)
  const candidates = imageCandidates(icon.startsWith('/') ? icon : `/${icon}`, root, root)
  const media = candidates === 'outside' ? 'outside' : await createMediaReader()(candidates[0] ?? '')
  if (typeof media !== 'string' && Math.min(media.width, media.height) >= 192) return { media }
  const path = join(contentDir, 'site.yml')
  const file = new VFile({ path })
  const parsed = parseYamlSource(await readFile(path, 'utf8'), file)
  const place = parsed ? yamlPosition(parsed.source, ['icon']) : undefined
  if (media === 'missing') report(file, 'missing-image', { src: icon }, place)
  else if (media === 'outside') report(file, 'image-outside-content', { src: icon }, place)
  else if (typeof media === 'string') report(file, 'unreadable-image', { src: icon }, place)
  else report(file, 'invalid-field', { field: 'icon', reason: `the image is ${media.width}×${media.height} px; an icon needs at least 192×192` }, place)
  return { problem: file }
}
