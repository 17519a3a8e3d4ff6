import type { PageContext } from '../context.ts'
import { BasePage } from '../layout/base-page.tsx'

/** The page a CDN serves for an unknown URL. */
export function NotFoundPage({ context }: { context: PageContext }) {
  const { strings } = context
  return (
    <BasePage context={context} title={strings.notFoundTitle} description={strings.notFoundText}>
      <h1>{strings.notFoundTitle}</h1>
      <p>{strings.notFoundText}</p>
      <p>
        <a href="/">{strings.backHome}</a>
      </p>
    </BasePage>
  )
}
