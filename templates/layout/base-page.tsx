import type { ComponentChildren } from 'preact'
import { SiteFooter } from '../components/site-footer.tsx'
import { SiteHeader } from '../components/site-header.tsx'
import { absoluteUrl, type CurrentSection, type PageContext } from '../context.ts'

/** Props of {@link BasePage}. */
export interface BasePageProps {
  context: PageContext
  /** Page title, without the site name. */
  title: string
  description: string
  /** Site path of the page, for its canonical URL; absent on pages that have none (404). */
  path?: string
  /** The header's section this page is in. */
  current?: CurrentSection
  /** Extra `<head>` content: Open Graph, JSON-LD… */
  head?: ComponentChildren
  children: ComponentChildren
}

/** The HTML document every page shares: head, header with navigation and search, footer. */
export function BasePage({ context, title, description, path, current, head, children }: BasePageProps) {
  const { site, strings } = context
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="data:," />
        <title>{title === site.title ? title : `${title} - ${site.title}`}</title>
        <meta name="description" content={description} />
        {path === undefined ? <meta name="robots" content="noindex" /> : <link rel="canonical" href={absoluteUrl(site, path)} />}
        <link rel="stylesheet" href={context.assets.css} />
        <link rel="alternate" type="application/rss+xml" title={site.title} href="/feed.xml" />
        <link rel="search" type="application/opensearchdescription+xml" title={site.title} href="/opensearch.xml" />
        {head}
      </head>
      <body>
        <a class="skip-link" href="#noi-dung">
          {strings.skipToContent}
        </a>
        <SiteHeader context={context} current={current} />
        <main id="noi-dung" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter context={context} />
      </body>
    </html>
  )
}
