import type { ArticleModel } from '../../src/site/index.ts'
import { JsonLd } from '../components/json-ld.tsx'
import { breadcrumbJsonLd, organizationJsonLd } from '../components/structured-data.ts'
import { absoluteUrl, type PageContext } from '../context.ts'

/** Open Graph, Twitter card and `NewsArticle` JSON-LD of an article page. */
export function ArticleHead({ article, context }: { article: ArticleModel; context: PageContext }) {
  const { site, authors, localities } = context
  const url = absoluteUrl(site, article.url)
  const lead = article.lead?.set.social
  const leadAlt = article.lead?.alt ?? ''
  const crops = article.lead?.set.crops ?? []
  const image = lead ? absoluteUrl(site, lead.url) : undefined
  const modified = article.updated ?? article.date
  const place = localities[article.locality]
  const trail = place ? [...place.ancestors, place.id].flatMap((id) => (localities[id] ? [localities[id]] : [])) : []
  const people = article.authors.flatMap((id) => {
    const author = authors[id]
    return author ? [{ '@type': 'Person', name: author.name, url: author.sameAs ?? absoluteUrl(site, author.url) }] : []
  })
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    // Google asks for 16:9, 4:3 and 1:1 versions, each at least 50,000 pixels: the lead cut to each.
    ...(crops.length > 0
      ? { image: crops.map((crop) => ({ '@type': 'ImageObject', url: absoluteUrl(site, crop.url), width: crop.width, height: crop.height })) }
      : {}),
    datePublished: article.date.iso,
    dateModified: modified.iso,
    author: people,
    publisher: organizationJsonLd(site, false),
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    inLanguage: site.language,
    ...(localities[article.locality] ? { contentLocation: { '@type': 'Place', name: localities[article.locality]?.name } } : {}),
    ...(article.tags.length > 0 ? { keywords: article.tags.join(', ') } : {}),
  }
  return (
    <>
      <meta name="robots" content="max-image-preview:large" />
      <meta property="og:type" content="article" />
      <meta property="og:locale" content={site.ogLocale} />
      <meta property="og:site_name" content={site.title} />
      <meta property="og:title" content={article.title} />
      <meta property="og:description" content={article.summary} />
      <meta property="og:url" content={url} />
      {lead && image ? (
        <>
          <meta property="og:image" content={image} />
          <meta property="og:image:width" content={String(lead.width)} />
          <meta property="og:image:height" content={String(lead.height)} />
          <meta property="og:image:alt" content={leadAlt} />
        </>
      ) : null}
      <meta property="article:published_time" content={article.date.iso} />
      <meta property="article:modified_time" content={modified.iso} />
      {localities[article.locality] ? <meta property="article:section" content={localities[article.locality]?.name} /> : null}
      {article.tags.map((tag) => (
        <meta key={tag} property="article:tag" content={tag} />
      ))}
      <meta name="twitter:card" content={lead ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={article.title} />
      <meta name="twitter:description" content={article.summary} />
      {image ? <meta name="twitter:image" content={image} /> : null}
      {image ? <meta name="twitter:image:alt" content={leadAlt} /> : null}
      <JsonLd data={jsonLd} />
      {trail.length > 0 ? <JsonLd data={breadcrumbJsonLd(site, trail)} /> : null}
    </>
  )
}
