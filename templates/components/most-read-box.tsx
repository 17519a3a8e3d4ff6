import { type MostReadScope, mostReadUrl } from '../../src/most-read/fragment-urls.ts'
import type { Strings } from '../../src/site/index.ts'

/**
 * The "Đọc nhiều" box: a hidden, empty frame (heading, a row for the windows' buttons, the list)
 * that a script fills from the scope's fragment. The page is the same bytes whatever is read, so
 * counts never rebuild or re-upload a page. Without JavaScript the frame takes no room; with it,
 * the stylesheet lays the frame out at the height of a full list from the first paint (invisible
 * until filled), so nothing below moves when the list arrives.
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
      <div class="most-read__windows" />
      <ol class="most-read__list" />
    </section>
  )
}
