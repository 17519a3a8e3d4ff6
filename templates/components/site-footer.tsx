import type { PageContext } from '../context.ts'

/**
 * The footer: the paper's sections, the pages the newsroom writes, and who publishes it. Only
 * registry data, so it never changes when articles do.
 */
export function SiteFooter({ context }: { context: PageContext }) {
  const { site, strings, categories, navigation, footerLinks } = context
  const sections = navigation.categories.flatMap((id) => (categories[id] ? [categories[id]] : []))
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
      {/* Pages the newsroom writes (content/pages/), as the model orders them. */}
      {footerLinks.length > 0 ? (
        <nav aria-label={strings.aboutPages}>
          <ul class="footer-sections footer-pages">
            {footerLinks.map((link) => (
              <li key={link.url}>
                <a href={link.url}>{link.title}</a>
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
