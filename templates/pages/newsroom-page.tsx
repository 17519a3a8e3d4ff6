import type { NewsroomPage } from '../../src/site/index.ts'
import type { PageContext } from '../context.ts'
import { BasePage } from '../layout/base-page.tsx'

/**
 * A page the newsroom writes, around the HTML Eleventy rendered from its Markdown.
 *
 * @param props.page The page's title, description and URL.
 * @param props.html The body, rendered by Eleventy (Liquid, then the articles' Markdown processor).
 */
export function NewsroomPageView({ page, html, context }: { page: Pick<NewsroomPage, 'title' | 'description' | 'url'>; html: string; context: PageContext }) {
  return (
    <BasePage context={context} title={page.title} description={page.description ?? context.site.description} path={page.url}>
      <article class="newsroom-page">
        <h1>{page.title}</h1>
        <div class="article-body" dangerouslySetInnerHTML={{ __html: html }} />
      </article>
    </BasePage>
  )
}
