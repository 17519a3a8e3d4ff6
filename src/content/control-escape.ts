import { type Document, type Scalar, visit } from 'yaml'
import { controlCharacter } from './decode-source.ts'

/** An escape in YAML that writes a control character, and where it was written. */
export interface ControlEscape {
  /** The character's code point. */
  code: number
  /** Offset of the escape's backslash in the YAML text (the scalar's start when it cannot be found). */
  offset: number
}

/** YAML's escapes of one letter, by that letter (YAML 1.2, 5.7). */
const namedEscapes: Readonly<Record<string, number>> = { '0': 0x00, a: 0x07, b: 0x08, t: 0x09, v: 0x0b, f: 0x0c, r: 0x0d, e: 0x1b, n: 0x0a }

/** An escape: `\x07`, `\u0007`, `\U00000007` or a backslash and one character (`\a`, `\\`, `\"`). */
const escapeSequence = /\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|([\s\S]))/g

/**
 * Finds the first control character a YAML document writes with an escape (`"Lan\aAnh"`,
 * `"\x07"`): decodeSource refuses them as bytes, but an escape is text until YAML reads it. The
 * place is the escape itself, so a long double-quoted value folded over several lines (an
 * author's bio, a summary) is reported at the line that holds it.
 *
 * @param document The parsed document.
 * @param text The YAML text it was parsed from.
 */
export function findControlEscape(document: Document, text: string): ControlEscape | undefined {
  // Only double-quoted scalars have escapes, and each starts with a backslash.
  if (!text.includes('\\')) return undefined
  let found: Scalar | undefined
  visit(document, {
    Scalar: (_, node) => {
      if (typeof node.value !== 'string' || !controlCharacter.test(node.value)) return undefined
      found = node
      return visit.BREAK
    },
  })
  if (found === undefined) return undefined
  const start = found.range?.[0] ?? 0
  const written = firstControlEscape(text.slice(start, found.range?.[1] ?? text.length))
  if (written) return { code: written.code, offset: start + written.offset }
  return { code: (controlCharacter.exec(String(found.value))?.[0] ?? '\0').charCodeAt(0), offset: start }
}

/**
 * The first escape in a scalar's source that writes a control character.
 *
 * @param source The scalar as written, quotes included.
 */
export function firstControlEscape(source: string): ControlEscape | undefined {
  for (const match of source.matchAll(escapeSequence)) {
    const [, hex2, hex4, hex8, letter] = match
    const hex = hex2 ?? hex4 ?? hex8
    const code = hex === undefined ? namedEscapes[letter ?? ''] : Number.parseInt(hex, 16)
    if (code === undefined || code > 0x10ffff) continue
    if (controlCharacter.test(String.fromCodePoint(code))) return { code, offset: match.index }
  }
  return undefined
}
