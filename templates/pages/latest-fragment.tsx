import type { LatestFragment, Strings } from '../../src/site/index.ts'

/** The latest-news fragment of a locality, inserted into article pages by a small script. */
export function LatestFragmentView({ fragment, strings }: { fragment: LatestFragment; strings: Strings }) {
  return (
    <section class="latest-news" aria-labelledby="tin-moi">
      <h2 id="tin-moi">{strings.latestNews}</h2>
      <ul>
        {fragment.articles.map((link) => (
          <li key={link.url}>
            <a href={link.url}>{link.title}</a> <time datetime={link.date.iso}>{link.date.text}</time>
          </li>
        ))}
      </ul>
    </section>
  )
}
