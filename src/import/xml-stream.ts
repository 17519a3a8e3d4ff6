import { createReadStream } from 'node:fs'
import { SaxesParser } from 'saxes'
import type { Point } from 'unist'

/** An element of the export, with its children, as read from the stream. */
export interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: Array<XmlElement | string>
  /** Where its start tag begins in the file. */
  place: Point
}

/** Why an XML file could not be read to its end. */
export interface XmlFailure {
  reason: string
  place: Point
}

/**
 * Reads an XML file as a stream and hands over each element at `depth` (the children of RSS's
 * `<channel>` are at depth 3) once it is closed, then forgets it: memory holds one item, not the
 * export. The handler is awaited between chunks, so writing keeps pace with reading.
 *
 * @param path The file.
 * @param depth Depth of the elements handed over (the root is 1).
 * @param onElement Called with each element, in file order.
 * @returns Nothing when the whole file was read, or the first XML error with its line and column.
 */
export async function streamXml(path: string, depth: number, onElement: (element: XmlElement) => Promise<void> | void): Promise<XmlFailure | undefined> {
  const parser = new SaxesParser({ position: true })
  const stack: XmlElement[] = []
  const done: XmlElement[] = []
  let failure: XmlFailure | undefined
  let tagStart: Point = { line: 1, column: 1 }
  parser.on('opentagstart', (tag) => {
    // saxes is past the name when it reports it; the "<" is where a person would look.
    tagStart = { line: parser.line, column: Math.max(1, parser.column - tag.name.length - 1) }
  })
  parser.on('opentag', (tag) => {
    if (stack.length + 1 < depth) {
      stack.push({ name: tag.name, attributes: {}, children: [], place: tagStart })
      return
    }
    const attributes: Record<string, string> = {}
    for (const [key, value] of Object.entries(tag.attributes)) attributes[key] = typeof value === 'string' ? value : value.value
    const element: XmlElement = { name: tag.name, attributes, children: [], place: tagStart }
    if (stack.length >= depth) stack[stack.length - 1]?.children.push(element)
    stack.push(element)
  })
  const addText = (text: string): void => {
    if (stack.length < depth) return
    const children = stack[stack.length - 1]?.children
    if (!children) return
    const last = children[children.length - 1]
    if (typeof last === 'string') children[children.length - 1] = last + text
    else children.push(text)
  }
  parser.on('text', addText)
  parser.on('cdata', addText)
  parser.on('closetag', () => {
    const element = stack.pop()
    if (element && stack.length + 1 === depth) done.push(element)
  })
  parser.on('error', (error) => {
    failure ??= { reason: error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, ''), place: { line: parser.line, column: Math.max(1, parser.column) } }
  })
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 })
  for await (const chunk of stream) {
    parser.write(chunk as string)
    if (failure) {
      stream.destroy()
      return failure
    }
    for (const element of done.splice(0)) await onElement(element)
  }
  parser.close()
  for (const element of done.splice(0)) await onElement(element)
  return failure
}

/**
 * The text of an element's first child with that name ("" when absent).
 *
 * @param element The parent.
 * @param name The child's name, e.g. `wp:post_id`.
 */
export function childText(element: XmlElement, name: string): string {
  const child = element.children.find((node): node is XmlElement => typeof node !== 'string' && node.name === name)
  return child ? textOf(child) : ''
}

/**
 * The children of an element with that name.
 *
 * @param element The parent.
 * @param name The children's name.
 */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((node): node is XmlElement => typeof node !== 'string' && node.name === name)
}

/** All text inside an element. */
export function textOf(element: XmlElement): string {
  return element.children.map((node) => (typeof node === 'string' ? node : textOf(node))).join('')
}

/**
 * A copy of a string that holds nothing else. Text read from the stream is, for V8, often a slice
 * of the whole chunk it came in (256 KB): a short string kept for the whole import (an attachment's
 * address) would keep its chunk, and the attachments of an export kept most of the export in memory.
 *
 * @param text Text read from the export.
 */
export function ownString(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string
}
