// Fills the "Đọc nhiều" boxes from their fragment (`/doc-nhieu/…json`, rewritten hourly by
// `toasoan most-read`): cached pages stay as they were. The box is a hidden frame in the HTML, laid
// out at its filled height (site.css) so nothing moves; it is filled when the reader scrolls near it. Without JavaScript, or when the
// fetch fails, there is nothing. Nothing is sent anywhere: the counts come from the CDN's own logs.
import { readLists, windowLabel } from './most-read-lists.ts'
import { fillNear } from './when-near.ts'

fillNear('mostRead', fill)

function fill(box: HTMLElement, data: unknown): void {
  const lists = readLists(data, location.pathname)
  if (lists.length === 0) {
    box.remove()
    return
  }
  const words = { hours: box.dataset['hours'] ?? '{n} h', days: box.dataset['days'] ?? '{n} d' }
  const panels = lists.map((list, index) => {
    const ol = document.createElement('ol')
    ol.className = 'most-read__list'
    ol.hidden = index > 0
    for (const link of list.links) {
      const item = document.createElement('li')
      item.className = 'most-read__item'
      const anchor = document.createElement('a')
      anchor.href = link.url
      anchor.textContent = link.title
      item.append(anchor)
      ol.append(item)
    }
    return ol
  })
  // The frame's row and list (laid out at their filled height before this runs) are filled in place.
  const group = box.querySelector<HTMLElement>('.most-read__windows') ?? box.appendChild(document.createElement('div'))
  group.className = 'most-read__windows'
  if (lists.length > 1) {
    const buttons = lists.map((list, index) => {
      const button = document.createElement('button')
      button.type = 'button'
      button.textContent = windowLabel(list.window, words)
      button.setAttribute('aria-pressed', String(index === 0))
      button.addEventListener('click', () => {
        for (const [at, other] of buttons.entries()) other.setAttribute('aria-pressed', String(at === index))
        for (const [at, panel] of panels.entries()) panel.hidden = at !== index
      })
      return button
    })
    group.append(...buttons)
  }
  const frame = box.querySelector('.most-read__list')
  if (frame) frame.replaceWith(...panels)
  else box.append(...panels)
  box.hidden = false
}
