import type { Root } from 'hast'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { report } from '../problems/report.ts'

/** Options of {@link rehypeEmbedHosts}. */
export interface EmbedHostsOptions {
  /** Hosts whose iframes are kept, e.g. `www.youtube-nocookie.com`. @default [] */
  hosts?: readonly string[]
}

/**
 * Keeps `<iframe>` embeds only from allowed hosts over https, and warns at each one removed.
 * Runs before sanitising, which then checks the attributes.
 */
export function rehypeEmbedHosts(options: EmbedHostsOptions = {}) {
  const hosts = new Set(options.hosts ?? [])
  return (tree: Root, file: VFile): void => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'iframe' || parent === undefined || index === undefined) return
      const host = hostOf(node.properties['src'])
      if (host !== undefined && hosts.has(host)) return
      report(file, 'embed-not-allowed', { host: host ?? String(node.properties['src'] ?? '') }, node.position)
      parent.children.splice(index, 1)
      return [SKIP, index]
    })
  }
}

function hostOf(src: unknown): string | undefined {
  if (typeof src !== 'string') return undefined
  try {
    const url = new URL(src)
    return url.protocol === 'https:' ? url.hostname : undefined
  } catch {
    return undefined
  }
}
