/**
 * Orders strings by code point, the same on every machine and locale. A module of its own: the
 * stages that sort with it (site, search, render) would otherwise import it from the content
 * stage's loader, and every cache keyed by their code would change with the loader's.
 *
 * @param a A string.
 * @param b Another.
 */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
