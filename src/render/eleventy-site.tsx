import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import Eleventy, { type EleventyConfig } from '@11ty/eleventy'
import type { ArticleModel, IndexPage, SiteModel } from '../site/index.ts'
import { ArticlePage, IndexListPage, NotFoundPage, SearchPage, type PageContext } from '../../templates/index.ts'
import { renderDocument } from './render-page.tsx'

/** Options of {@link renderWithEleventy}. */
export interface EleventyRenderOptions {
  /** Folder pages are written to. */
  outputDir: string
  /** Folder for Eleventy's (empty) input directory. */
  cacheDir: string
  /** The published URL of the stylesheet. */
  cssUrl: string
  /** Articles to render; the whole model's by default (the scale work renders slices). */
  articles?: readonly ArticleModel[]
}

interface ArticleTemplateData {
  article: ArticleModel
}

/**
 * Renders pages of the site model with Eleventy: one virtual 11ty.js template per page kind,
 * paginated over the model. Templates are TSX components; Eleventy handles pagination, output
 * paths and writing.
 *
 * @param model The site model.
 * @param options Where to write and what.
 * @returns How many pages were written.
 */
export async function renderWithEleventy(model: SiteModel, options: EleventyRenderOptions): Promise<number> {
  const context: PageContext = {
    site: model.site,
    strings: model.strings,
    localities: model.localities,
    authors: model.authors,
    navigation: model.navigation,
    assets: { css: options.cssUrl },
  }
  const inputDir = join(options.cacheDir, 'eleventy-input')
  await mkdir(inputDir, { recursive: true })
  const articles = options.articles ?? model.articles
  const eleventy = new Eleventy(inputDir, options.outputDir, {
    quietMode: true,
    config(config: EleventyConfig) {
      config.addTemplate('article.11ty.js', {
        data: {
          pagination: { data: 'articles', size: 1, alias: 'article' },
          articles,
          permalink: (data: ArticleTemplateData) => `${data.article.url}index.html`,
        },
        render: (data: ArticleTemplateData) => renderDocument(<ArticlePage article={data.article} context={context} />),
      })
      config.addTemplate('index.11ty.js', {
        data: {
          pagination: { data: 'indexes', size: 1, alias: 'index' },
          indexes: options.articles ? [] : model.indexes,
          permalink: (data: { index: IndexPage }) => `${data.index.url}index.html`,
        },
        render: (data: { index: IndexPage }) => renderDocument(<IndexListPage index={data.index} context={context} />),
      })
      config.addTemplate('search.11ty.js', {
        data: { permalink: '/tim-kiem/index.html' },
        render: () => renderDocument(<SearchPage context={context} />),
      })
      config.addTemplate('404.11ty.js', {
        data: { permalink: '/404.html' },
        render: () => renderDocument(<NotFoundPage context={context} />),
      })
    },
  })
  // Our own task lines report progress; Eleventy's summary line would be noise (errors still throw).
  eleventy.disableLogger()
  await eleventy.write()
  return articles.length + (options.articles ? 0 : model.indexes.length) + 2
}
