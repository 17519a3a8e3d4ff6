import type { Redirect, SiteInfo, Strings } from '../../src/site/index.ts'
import { absoluteUrl } from '../context.ts'

/** The page left at an old address, for hosts that ignore `_redirects`: it points to the new one. */
export function RedirectPage({ redirect, site, strings }: { redirect: Redirect; site: SiteInfo; strings: Strings }) {
  const target = absoluteUrl(site, redirect.to)
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <title>{site.title}</title>
        <meta name="robots" content="noindex" />
        <link rel="canonical" href={target} />
        <meta http-equiv="refresh" content={`0; url=${redirect.to}`} />
      </head>
      <body>
        <p>
          {strings.redirecting} <a href={redirect.to}>{target}</a>
        </p>
      </body>
    </html>
  )
}
