import type { ArticleModel } from '../../src/site/index.ts'
import type { PageContext } from '../context.ts'

/** Authors and publication time; the update and its correction note when there is one. */
export function Byline({ article, context }: { article: ArticleModel; context: PageContext }) {
  const { strings, authors } = context
  return (
    <div class="byline">
      <span class="byline__authors">
        {article.authors.map((id, index) => {
          const author = authors[id]
          return (
            <span key={id}>
              {index > 0 ? ', ' : ''}
              {author ? (
                <a rel="author" href={author.url}>
                  {author.name}
                </a>
              ) : (
                id
              )}
            </span>
          )
        })}
      </span>
      {article.authors.length > 0 ? (
        <>
          {' '}
          <span class="byline__sep" aria-hidden="true">
            ·
          </span>{' '}
        </>
      ) : null}
      <time class="byline__date" datetime={article.date.iso}>
        {article.date.text}
      </time>
      {article.updated ? (
        <p class="byline__updated">
          {strings.updated}: <time datetime={article.updated.iso}>{article.updated.text}</time>
          {article.correction ? (
            <span class="correction">
              {' '}
              <strong>{strings.correction}:</strong> {article.correction}
            </span>
          ) : null}
        </p>
      ) : null}
    </div>
  )
}
