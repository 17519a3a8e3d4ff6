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
