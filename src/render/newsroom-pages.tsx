import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import Eleventy, { type EleventyConfig } from '@11ty/eleventy'
import { VFile } from 'vfile'
import { createMarkdownProcessor, renderMarkdown } from '../markdown/index.ts'
import { outputPathOf, type NewsroomPage, type SiteModel } from '../site/index.ts'
import { NewsroomPageView, pageContext, type PageContext } from '../../templates/index.ts'
import { renderDocument } from './render-page.tsx'
import type { ToasoanConfig } from './user-config.ts'

/** Options of {@link renderNewsroomPages}. */
export interface NewsroomRenderOptions {
  /** Folder pages are written to. */
  outputDir: string
  /** Folder for Eleventy's (empty) input directory. */
  cacheDir: string
  /** Published URLs of the fingerprinted assets. */
  assets: PageContext['assets']
  /** The newsroom's `toasoan.config.ts`, whose `eleventy(config)` sees this run's configuration. */
  userConfig?: ToasoanConfig
}

/** The layout every newsroom page names; a virtual template, so nothing is read from disk. */
const layout = 'toasoan-newsroom-page.11ty.js'

/**
 * Renders the pages the newsroom writes through Eleventy, the way an Eleventy site renders
 * Markdown: Liquid first (so the newsroom's shortcodes and filters apply), then Markdown (with the
 * articles' processor, sanitised the same way), inside the site's layout. The newsroom's
 * `eleventy(config)` runs on this run's configuration only, so its filters, transforms and
 * passthrough copies never reach article pages, whose cache knows nothing of that file.
 *
 * @param model The site model.
 * @param options Where to write, and the newsroom's configuration.
 * @returns How many pages were written.
 */
export async function renderNewsroomPages(model: SiteModel, options: NewsroomRenderOptions): Promise<number> {
  if (model.newsroomPages.length === 0) return 0
  const context = pageContext(model, options.assets)
  const processor = createMarkdownProcessor({ embedHosts: model.site.embedHosts })
  const inputDir = join(options.cacheDir, 'eleventy-newsroom-input')
  await mkdir(inputDir, { recursive: true })
  const eleventy = new Eleventy(inputDir, options.outputDir, {
    quietMode: true,
    async config(config: EleventyConfig) {
      config.setLibrary('md', { render: (text: string) => renderMarkdown(processor, new VFile(text), new Map(), new Set()).html })
      config.addGlobalData('site', model.site)
      config.addTemplate(`_includes/${layout}`, {
        data: {},
        render: (data: { content: string; newsroomPage: NewsroomPage }) =>
          renderDocument(<NewsroomPageView page={data.newsroomPage} html={data.content} context={context} />),
      })
      for (const page of model.newsroomPages) {
        config.addTemplate(page.sourcePath, page.body, { layout, title: page.title, newsroomPage: page, permalink: outputPathOf(page.url) })
      }
      await options.userConfig?.eleventy?.(config)
    },
  })
  eleventy.disableLogger()
  await eleventy.write()
  return model.newsroomPages.length
}
