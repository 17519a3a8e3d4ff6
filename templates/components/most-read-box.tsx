import { type MostReadScope, mostReadUrl } from '../../src/most-read/fragment-urls.ts'
import type { Strings } from '../../src/site/index.ts'

/**
 * The "Đọc nhiều" box: an empty, hidden slot that a script fills from the scope's fragment. The
 * page is the same bytes whatever is read, so counts never rebuild or re-upload a page.
 */
export function MostReadBox({ scope, strings }: { scope: MostReadScope; strings: Strings }) {
  return (
    <section
      class="most-read"
      aria-labelledby="doc-nhieu"
      data-most-read={mostReadUrl(scope)}
      data-hours={strings.windowHours}
      data-days={strings.windowDays}
      hidden
    >
      <h2 id="doc-nhieu">{strings.mostRead}</h2>
    </section>
  )
}
