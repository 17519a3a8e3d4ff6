// Fills the "Tin mới" slot of an article page with its locality's latest articles. Old pages stay
// cached on the CDN unchanged; this small fragment is what keeps them fresh. Without JavaScript,
// or if the fetch fails, the page is simply complete without it.
for (const slot of document.querySelectorAll<HTMLElement>('[data-latest-news]')) {
  const url = slot.dataset['latestNews']
  if (!url) continue
  fetch(url, { headers: { Accept: 'text/html' } })
    .then((response) => (response.ok ? response.text() : ''))
    .then((html) => {
      if (!html) return
      slot.innerHTML = html
      // The page the reader is on is not news to them.
      for (const link of slot.querySelectorAll('a')) {
        if (link.getAttribute('href') === location.pathname) link.closest('li')?.remove()
      }
    })
    .catch(() => {})
}

export {}
