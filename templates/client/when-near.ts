/**
 * Calls back once an element comes within a screen's height of the viewport: a box low on the page
 * fetches its fragment only for readers who scroll towards it, early enough to be filled when they
 * get there.
 *
 * @param element The box.
 * @param callback What to do then.
 */
export function whenNear(element: Element, callback: () => void): void {
  if (typeof IntersectionObserver !== 'function') {
    callback()
    return
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return
      observer.disconnect()
      callback()
    },
    { rootMargin: '0px 0px 100% 0px' }
  )
  observer.observe(element)
}

/**
 * Fills every box that names a fragment in a data attribute (`data-most-read="/doc-nhieu/…json"`):
 * the fragment is fetched when the box comes near (see {@link whenNear}) and handed to `render`;
 * a failed fetch or render removes the box, so the page stays as it was without it.
 *
 * @param attribute The data attribute, in camelCase as `dataset` names it (`mostRead`).
 * @param render Fills the box from the fragment's JSON.
 */
export function fillNear(attribute: string, render: (box: HTMLElement, data: unknown) => void): void {
  const selector = `[data-${attribute.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}]`
  for (const box of document.querySelectorAll<HTMLElement>(selector)) {
    const url = box.dataset[attribute]
    if (!url) continue
    whenNear(box, () =>
      fetch(url, { headers: { Accept: 'application/json' } })
        .then((response) => (response.ok ? response.json() : undefined))
        .then((data: unknown) => render(box, data))
        .catch(() => box.remove())
    )
  }
}
