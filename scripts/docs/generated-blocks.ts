/**
 * Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->` in a Markdown file.
 *
 * @param text The file's text.
 * @param name The block's name.
 * @param body What goes between the markers.
 * @throws {Error} When the markers are missing.
 */
export function replaceBlock(text: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from < 0 || to < from) throw new Error(`the markers ${start} and ${end} are missing`)
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`
}
