import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { writeAtomic } from '../cache/index.ts'
import { mapLimit } from '../shared/files.ts'
import { outputPathOf } from '../site/urls.ts'

/** What the feed templates write before the images exist: `length="0"` on each enclosure. */
const enclosure = /<enclosure url="([^"]*)" length="0"/g

/**
 * Writes each feed enclosure's real byte size (RSS asks for it) once the images are in the output.
 * Feeds are rendered (and cached) before the images are encoded, so they carry `length="0"`; this
 * reads the size of the published file each enclosure names. A feed is replaced by a new file,
 * never written in place: it may be a hard link to its entry in the pages cache.
 *
 * @param outputDir The output being built, images included.
 * @param feeds URL paths of the feeds.
 * @param baseUrl The site's base URL, which enclosure URLs start with.
 * @param sizeOf The size of an image the output lacks (`/media/…`): in a folder carried over from the live output, or served by the deploy target.
 * @returns How many enclosures got their length.
 */
export async function fillEnclosureLengths(
  outputDir: string,
  feeds: readonly string[],
  baseUrl: string,
  sizeOf: (path: string) => number | undefined | Promise<number | undefined> = () => undefined
): Promise<number> {
  let filled = 0
  // Each byte as one character (latin1): the markup searched and the numbers written are ASCII, and
  // the rest goes back byte for byte. Decoding and encoding the feeds as UTF-8 (64 feeds of 330 KB
  // of Vietnamese at 100,000 articles) cost more than the search itself.
  const base = Buffer.from(baseUrl, 'utf8').toString('latin1')
  await mapLimit(feeds, 16, async (url) => {
    const path = join(outputDir, outputPathOf(url))
    const xml = (await readFile(path)).toString('latin1')
    const sizes = new Map<string, number>()
    for (const [, href] of xml.matchAll(enclosure)) {
      if (href === undefined || !href.startsWith(`${base}/`) || sizes.has(href)) continue
      const path = outputPathOf(decodeXml(Buffer.from(href.slice(base.length), 'latin1').toString('utf8')))
      const size = await stat(join(outputDir, path)).then(
        (info) => info.size,
        () => sizeOf(`/${path}`)
      )
      if (size !== undefined) sizes.set(href, size)
    }
    if (sizes.size === 0) return
    const filledXml = xml.replace(enclosure, (whole, href: string) => {
      const size = sizes.get(href)
      if (size === undefined) return whole
      filled++
      return `<enclosure url="${href}" length="${size}"`
    })
    await writeAtomic(path, Buffer.from(filledXml, 'latin1'))
  })
  return filled
}

function decodeXml(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&apos;/g, "'")
}
