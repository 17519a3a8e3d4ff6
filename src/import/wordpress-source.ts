import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { digest } from '../cache/digest.ts'
import type { ImageResolution } from './html-to-markdown.ts'
import { importedState } from './imported-file.ts'
import type { ImportMap } from './import-map.ts'
import { shortcodeAttributes, type AttachmentInfo } from './shortcodes.ts'
import type { WxrItem } from './wxr-item.ts'

/** Everything besides the item that a post's files are made from. */
export interface SourceInputs {
  /** The fingerprint of the import's code and packages. */
  code: string
  timeZone: string
  map: ImportMap
  defaultLocality: string | undefined
  attachments: ReadonlyMap<string, AttachmentInfo>
  attachmentsOf: (postId: string) => readonly string[]
  authorId: (login: string) => string
  resolveImage: (url: string) => ImageResolution
}

// An old site's upload address in a post's HTML (src, href, a gallery's attachment).
const uploadPattern = /[^\s"'<>()[\]]*\/wp-content\/uploads\/[^\s"'<>()[\]]+/g

/**
 * The digest of what a post's files are made from: the item (its place in the file aside), the
 * attachments it names, where each of its images was found (a file added to --media later
 * changes it), the options and the code. While it is the same and the file unedited, a re-import
 * need not convert the post again: the result would be the same bytes.
 *
 * @param item The item.
 * @param inputs The run's options, attachments, image resolver and code.
 */
export function sourceDigest(item: WxrItem, inputs: SourceInputs): string {
  const { place: _place, meta, ...fields } = item
  const ids = new Set([meta.get('_thumbnail_id') ?? '', ...inputs.attachmentsOf(item.id)])
  for (const match of item.content.matchAll(/\[gallery\b([^\]]*)\]/g)) {
    const attributes = shortcodeAttributes(match[1] ?? '')
    for (const id of (attributes['ids'] ?? attributes['include'] ?? '').split(',')) ids.add(id.trim())
    if (attributes['id']) for (const id of inputs.attachmentsOf(attributes['id'])) ids.add(id)
  }
  const attachments = [...ids].sort().map((id) => [id, inputs.attachments.get(id) ?? null] as const)
  const urls = [...new Set([...(item.content.match(uploadPattern) ?? []), ...attachments.map(([, info]) => info?.url ?? '')])].sort()
  return digest(
    inputs.code,
    JSON.stringify([
      fields,
      [...meta].sort(),
      attachments,
      urls.map((url) => [url, inputs.resolveImage(url)]),
      inputs.timeZone,
      inputs.defaultLocality ?? null,
      [...inputs.map.localities, ...inputs.map.categories].sort(),
      inputs.authorId(item.creator),
    ])
  ).slice(0, 20)
}

/**
 * Whether the file at a path was made from that source and nobody edited it since.
 *
 * @param contentDir The content folder.
 * @param path The file, relative to it.
 * @param source The post's source digest.
 */
export function isCurrentFile(contentDir: string, path: string, source: string): boolean {
  let text: string
  try {
    text = readFileSync(join(contentDir, path), 'utf8')
  } catch {
    return false
  }
  const state = importedState(text)
  return state !== undefined && state.from === 'wordpress' && state.source === source && state.unedited
}
