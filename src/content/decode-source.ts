import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { report } from '../problems/report.ts'

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true })

/** Characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF). */
// Characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF): invisible in an
// editor, never meant, and they break feeds and HTML parsers downstream.
export const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/

/**
 * Turns a source file's bytes into the text every later stage reads: UTF-8 without a byte-order
 * mark, `\n` line endings whatever the editor saved (CRLF, CR), in NFC. Bytes that are not
 * UTF-8 and control characters are reported at their line and column, not published as `�`.
 *
 * Line endings are normalised before anything else, so CRLF files have exactly the lines and
 * columns of their LF copies.
 *
 * @param input The file's bytes (a string is taken as already decoded, for tests and callers that have one).
 * @param file The file problems are reported on.
 * @returns The text, or `undefined` when the file cannot be read as text.
 */
export function decodeSource(input: Uint8Array | string, file: VFile): string | undefined {
  let text: string
  if (typeof input === 'string') text = input
  else {
    const bytes = hasByteOrderMark(input) ? input.subarray(3) : input
    try {
      text = strictUtf8.decode(bytes)
    } catch {
      const offset = firstInvalidByte(bytes)
      const byte = bytes[offset] ?? 0
      report(
        file,
        'invalid-encoding',
        { byte: `0x${byte.toString(16).toUpperCase().padStart(2, '0')}` },
        pointAt(lenientUtf8.decode(bytes.subarray(0, offset)), offset)
      )
      return undefined
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  text = text.replace(/\r\n?/g, '\n')
  const control = controlCharacter.exec(text)
  if (control) {
    const code = control[0].charCodeAt(0)
    report(file, 'control-character', { code: `U+${code.toString(16).toUpperCase().padStart(4, '0')}` }, pointAt(text.slice(0, control.index), control.index))
    return undefined
  }
  return text.normalize('NFC')
}

function hasByteOrderMark(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
}

/** Where the text before a problem ends: line and column (in UTF-16 units, as unified counts). */
function pointAt(before: string, offset: number): Point {
  const lines = before.split(/\r\n?|\n/)
  const last = lines[lines.length - 1] ?? ''
  return { line: lines.length, column: last.length + 1, offset }
}

/**
 * The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629:
 * no overlong forms, no surrogates, nothing above U+10FFFF).
 *
 * @param bytes Bytes known to hold at least one error.
 */
export function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0
    if (lead < 0x80) {
      index++
      continue
    }
    const [length, low, high] =
      lead >= 0xc2 && lead <= 0xdf
        ? [2, 0x80, 0xbf]
        : lead === 0xe0
          ? [3, 0xa0, 0xbf]
          : lead === 0xed
            ? [3, 0x80, 0x9f]
            : lead >= 0xe1 && lead <= 0xef
              ? [3, 0x80, 0xbf]
              : lead === 0xf0
                ? [4, 0x90, 0xbf]
                : lead === 0xf4
                  ? [4, 0x80, 0x8f]
                  : lead >= 0xf1 && lead <= 0xf3
                    ? [4, 0x80, 0xbf]
                    : [0, 0, 0]
    if (length === 0) return index
    for (let next = 1; next < length; next++) {
      const byte = bytes[index + next]
      const [min, max] = next === 1 ? [low, high] : [0x80, 0xbf]
      // A truncated or broken sequence: the lead byte is where the character went wrong.
      if (byte === undefined || byte < min || byte > max) return index
    }
    index += length
  }
  return index
}
