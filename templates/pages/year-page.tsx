import type { YearPage } from '../../src/site/index.ts'
import type { PageContext } from '../context.ts'
import { BasePage } from '../layout/base-page.tsx'

/** `/YYYY/`: the months of a year that have articles, with their counts. */
export function YearPageView({ page, context }: { page: YearPage; context: PageContext }) {
  const { strings } = context
  const title = `${strings.archive} ${strings.year.toLowerCase()} ${page.year}`
  return (
    <BasePage context={context} title={title} description={title} path={page.url}>
      <section class="index">
        <h1>{title}</h1>
        <ul class="months">
          {page.months.map((month) => (
            <li key={month.url}>
              <a href={month.url}>
                {strings.month} {String(month.month).padStart(2, '0')}/{page.year}
              </a>{' '}
              <span class="count">
                ({month.count} {strings.articleCount})
              </span>
            </li>
          ))}
        </ul>
      </section>
    </BasePage>
  )
}
