import { dirname } from 'node:path'
import type { VFile } from 'vfile'
import { imageOptions, planImage } from '../images/plan-image.ts'
import type { FigureImage } from '../markdown/index.ts'
import type { ArticleContext } from './article.ts'
import { imageCandidates, readFirstMedia } from './media.ts'
import { report } from '../problems/report.ts'
import type { FrontMatter } from './schema.ts'
import { yamlPosition, type YamlSource } from './yaml-source.ts'

/**
 * Resolves the images an article lists to measured files and their planned variants, reporting
 * each one that is missing, unreadable, too large or outside the content folder (by its path or
 * through a symbolic link) at its `src`.
 *
 * @param data The validated front matter.
 * @param source The YAML, for positions.
 * @param file The article's file, for problems.
 * @param context Registries and the build's media reader.
 */
export async function resolveImages(data: FrontMatter, source: YamlSource, file: VFile, context: ArticleContext): Promise<FigureImage[]> {
  const articleDir = dirname(file.path)
  const resolved = await Promise.all(
    data.images.map(async (entry, index) => {
      const place = yamlPosition(source, ['images', index, 'src'])
      const candidates = imageCandidates(entry.src, articleDir, context.contentDir)
      if (candidates === 'outside') {
        report(file, 'image-outside-content', { src: entry.src }, place)
        return undefined
      }
      const media = await readFirstMedia(candidates, context.readMedia)
      if (media === 'missing') {
        report(file, 'missing-image', { src: entry.src }, place)
        return undefined
      }
      if (media === 'outside') {
        report(file, 'image-outside-content', { src: entry.src, linked: true }, place)
        return undefined
      }
      if (media === 'unreadable') {
        report(file, 'unreadable-image', { src: entry.src }, place)
        return undefined
      }
      if (media === 'unsupported') {
        report(file, 'unsupported-image', { src: entry.src }, place)
        return undefined
      }
      if (media === 'too-large') {
        report(file, 'image-too-large', { src: entry.src, limit: context.registries.site.maxImageMegapixels }, place)
        return undefined
      }
      if (!entry.alt) report(file, 'missing-alt', { src: entry.src }, yamlPosition(source, ['images', index]))
      context.media.set(media.sourcePath, media)
      const set = context.imageSets?.get(media.hash) ?? planImage(media, imageOptions, context.encoder)
      context.imageSets?.set(media.hash, set)
      return {
        src: entry.src,
        url: set.fallback.url,
        width: set.width,
        height: set.height,
        set,
        alt: entry.alt ?? '',
        caption: entry.caption ?? '',
        credit: entry.credit ?? '',
      }
    })
  )
  return resolved.filter((image) => image !== undefined)
}
