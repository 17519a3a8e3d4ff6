import { outputPathOf } from './urls.ts'

/**
 * Where an alias is written in the output, or why it cannot be: an alias becomes a redirect page
 * at its path, so it must name a place inside the output folder that a reader can request. Every
 * segment is percent-decoded as a server would; a malformed escape, a `.` or `..` segment (browsers
 * resolve them before asking, and `..` would leave the output folder), a `\`, an encoded `/`, a
 * control character or a leading `//` (another host) make it invalid.
 *
 * @param alias The alias as written, starting with `/`.
 * @returns The output file, relative and `/`-separated with empty segments dropped, or the reason.
 */
export function aliasOutputPath(alias: string): { path: string } | { reason: string } {
  if (alias.startsWith('//')) return { reason: 'starts with "//", which browsers read as the address of another site' }
  if (alias.includes('\\')) return { reason: 'contains "\\", which browsers read as "/"' }
  for (const raw of alias.slice(1).split('/')) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return { reason: `has a malformed percent-escape in "${raw}": each % starts a UTF-8 character written as %XX (a literal % is %25)` }
    }
    if (segment === '.' || segment === '..') {
      return {
        reason: `has the segment "${raw}", which browsers resolve away before asking, so no reader can reach it${segment === '..' ? ', and it would be written outside the output folder' : ''}`,
      }
    }
    if (/[/\\]/.test(segment)) return { reason: `encodes a "/" or "\\" inside the segment "${raw}"` }
    if (/[\u0000-\u001f\u007f]/.test(segment)) return { reason: `has a control character in the segment "${raw}"` }
  }
  return {
    path: outputPathOf(alias)
      .split('/')
      .filter((segment) => segment !== '')
      .join('/'),
  }
}
