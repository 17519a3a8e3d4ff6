// Share links stay plain links. Where the browser can share natively (phones), a "Chia sẻ…"
// button opens the system sheet (Zalo and Messenger included); "Sao chép liên kết" copies the URL.
for (const nav of document.querySelectorAll<HTMLElement>('.share')) {
  const copy = nav.querySelector<HTMLAnchorElement>('[data-copy-link]')
  copy?.addEventListener('click', (event) => {
    if (!navigator.clipboard) return
    event.preventDefault()
    navigator.clipboard.writeText(copy.href).then(
      () => {
        copy.textContent = nav.dataset['copied'] ?? copy.textContent
      },
      () => {}
    )
  })
  if (typeof navigator.share !== 'function') continue
  const button = document.createElement('button')
  button.type = 'button'
  button.className = 'share__link share__link--native'
  button.textContent = nav.dataset['shareLabel'] ?? 'Share'
  button.addEventListener('click', () => {
    navigator.share({ title: document.title, url: copy?.href ?? location.href }).catch(() => {})
  })
  const item = document.createElement('li')
  item.append(button)
  nav.querySelector('ul')?.prepend(item)
}

export {}
