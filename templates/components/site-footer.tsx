import type { PageContext } from '../context.ts'

/** The footer: who publishes the paper. */
export function SiteFooter({ context }: { context: PageContext }) {
  const { site, strings } = context
  return (
    <footer class="site-footer">
      <p>
        {strings.copyright} {site.publisherName}.
      </p>
      {site.description ? <p>{site.description}</p> : null}
    </footer>
  )
}
