import type { ArticleLink, Strings } from '../../src/site/index.ts'

/** "Tin liên quan": older articles on the same place or topic. */
export function RelatedList({ related, strings }: { related: ArticleLink[]; strings: Strings }) {
  if (related.length === 0) return null
  return (
    <section class="related" aria-labelledby="tin-lien-quan">
      <h2 id="tin-lien-quan">{strings.related}</h2>
      <ul>
        {related.map((link) => (
          <li key={link.url}>
            <a href={link.url}>{link.title}</a> <time datetime={link.date.iso}>{link.date.text}</time>
          </li>
        ))}
      </ul>
    </section>
  )
}
