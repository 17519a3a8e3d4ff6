/**
 * Which "Tin mới" links to keep on an article page: not the page itself, and not an article the page
 * already lists under "Tin liên quan".
 *
 * @param hrefs The fragment's links, in order.
 * @param here The page's own path.
 * @param related The paths "Tin liên quan" lists.
 */
export function freshLinks(hrefs: readonly string[], here: string, related: ReadonlySet<string>): Set<string> {
  return new Set(hrefs.filter((href) => href !== here && !related.has(href)))
}
