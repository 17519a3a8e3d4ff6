import type { PageContext } from '../context.ts'

/** The footer: the paper's sections and who publishes it. Only registry data, so it never changes when articles do. */
export function SiteFooter({ context }: { context: PageContext }) {
  const { site, strings, categories } = context
  const sections = Object.values(categories)
  return (
    <footer class="site-footer">
      {sections.length > 0 ? (
        <nav aria-label={strings.categories}>
          <ul class="footer-sections">
            {sections.map((category) => (
              <li key={category.id}>
                <a href={category.url}>{category.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p>
        {strings.copyright} {site.publisherName}.
      </p>
      {site.description ? <p>{site.description}</p> : null}
    </footer>
  )
}
