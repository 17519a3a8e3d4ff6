// Fills the "Tin mới" slot of an article page with its locality's latest articles. Old pages stay
// cached on the CDN unchanged; this small fragment is what keeps them fresh. Without JavaScript,
// or if the fetch fails, the page is simply complete without it.
import { freshLinks } from './latest-links.ts'

for (const slot of document.querySelectorAll<HTMLElement>('[data-latest-news]')) {
  const url = slot.dataset['latestNews']
  if (!url) continue
  fetch(url, { headers: { Accept: 'text/html' } })
    .then((response) => (response.ok ? response.text() : ''))
    .then((html) => {
      if (!html) return
      slot.innerHTML = html
      // The page the reader is on is not news to them, nor is what "Tin liên quan" already lists.
      const related = new Set([...document.querySelectorAll('.related a')].map((link) => link.getAttribute('href') ?? ''))
      const links = [...slot.querySelectorAll('a')]
      const keep = freshLinks(
        links.map((link) => link.getAttribute('href') ?? ''),
        location.pathname,
        related
      )
      for (const link of links) if (!keep.has(link.getAttribute('href') ?? '')) link.closest('li')?.remove()
      if (!slot.querySelector('li')) slot.replaceChildren()
    })
    .catch(() => {})
}
