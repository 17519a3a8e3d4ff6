import type { ComponentChildren } from 'preact'
import { SiteFooter } from '../components/site-footer.tsx'
import { SiteHeader } from '../components/site-header.tsx'
import type { SiteInfo } from '../../src/site/index.ts'
import { logoUrl } from '../components/structured-data.ts'
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
  /**
   * Whether the page writes its own Open Graph and Twitter card (articles do); otherwise the page
   * gets a `website` card with the publisher's logo. @default false
   */
  ownCard?: boolean
  /** Extra `<head>` content: Open Graph, JSON-LD… */
  head?: ComponentChildren
  children: ComponentChildren
}

/** Open Graph and Twitter card of a page that is not an article: the page, with the publisher's logo. */
function WebsiteCard({ site, title, description, path }: { site: SiteInfo; title: string; description: string; path: string | undefined }) {
  const logo = logoUrl(site)
  return (
    <>
      <meta property="og:type" content="website" />
      <meta property="og:locale" content={site.ogLocale} />
      <meta property="og:site_name" content={site.title} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      {path === undefined ? null : <meta property="og:url" content={absoluteUrl(site, path)} />}
      <meta property="og:image" content={logo} />
      <meta property="og:image:alt" content={site.publisherName} />
      <meta name="twitter:card" content="summary" />
      <meta name="twitter:title" content={title} />
      <meta name="twitter:description" content={description} />
      <meta name="twitter:image" content={logo} />
      <meta name="twitter:image:alt" content={site.publisherName} />
    </>
  )
}

/** The HTML document every page shares: head, header with navigation and search, footer. */
export function BasePage({ context, title, description, path, current, ownCard = false, head, children }: BasePageProps) {
  const { site, strings } = context
  const fullTitle = title === site.title ? title : `${title} - ${site.title}`
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {site.icons ? (
          <>
            <link rel="icon" type="image/png" sizes="32x32" href={site.icons.favicon} />
            <link rel="icon" type="image/png" sizes="192x192" href={site.icons.large} />
            <link rel="apple-touch-icon" href={site.icons.touch} />
          </>
        ) : (
          <link rel="icon" href="data:," />
        )}
        <title>{fullTitle}</title>
        <meta name="description" content={description} />
        {path === undefined ? <meta name="robots" content="noindex" /> : <link rel="canonical" href={absoluteUrl(site, path)} />}
        <link rel="stylesheet" href={context.assets.css} />
        <link rel="alternate" type="application/rss+xml" title={site.title} href="/feed.xml" />
        <link rel="search" type="application/opensearchdescription+xml" title={site.title} href="/opensearch.xml" />
        {site.twitter === undefined ? null : <meta name="twitter:site" content={site.twitter} />}
        {ownCard ? null : <WebsiteCard site={site} title={fullTitle} description={description} path={path} />}
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
