import type { Element, Root } from 'hast'
import { select, selectAll } from 'hast-util-select'
import { toHtml } from 'hast-util-to-html'
import { toText } from 'hast-util-to-text'
import { DateTime } from 'luxon'
import slugify from '@sindresorhus/slugify'
import { SKIP, visit } from 'unist-util-visit'
import { articleText } from './front-matter-text.ts'
import type { HtmlConfig } from './html-config.ts'
import { htmlToMarkdown, type BodyContext } from './html-to-markdown.ts'
import type { ImportRuleId } from './import-rules.ts'
import { readablePath } from './old-address.ts'

/** What converting a saved page needs from the run. */
export interface PageContext {
  config: HtmlConfig
  timeZone: string
  defaultLocality: string | undefined
  /** The author id of a byline name. */
  authorId: (name: string) => string
  /** Resolves an image against the page's old address. */
  resolveImage: BodyContext['resolveImage']
  report: (rule: ImportRuleId, reason: string) => void
  usedIds: Set<string>
}

/** A saved page turned into an article (paths relative to the content folder). */
export interface ConvertedPage {
  id: string
  path: string
  text: string
  images: string[]
  aliases: number
}

const text = (node: Element | undefined): string => (node ? toText(node).replace(/\s+/g, ' ').trim() : '')

/**
 * Turns a saved article page into an article with the config's selectors. A selector that matches
 * nothing (title, date, body) is reported and the page is not imported.
 *
 * @param tree The page.
 * @param oldUrl The page's address on the old site.
 * @param context The config, the site's zone and the report.
 */
export function convertPage(tree: Root, oldUrl: URL, context: PageContext): ConvertedPage | undefined {
  const { config } = context
  const required = { title: select(config.title, tree), date: select(config.date, tree), body: select(config.body, tree) }
  for (const [key, node] of Object.entries(required)) {
    if (!node) context.report('selector-missed', `The ${key} selector "${config[key as keyof typeof required]}" matches nothing in this page.`)
  }
  if (!required.title || !required.date || !required.body) return undefined
  const date = readDate(text(required.date), config.dateFormat, context.timeZone)
  if (date === undefined) {
    context.report('invalid-date', `The date "${text(required.date)}" does not read as ${config.dateFormat}.`)
    return undefined
  }
  const title = text(required.title)
  const summaryNode = config.summary ? select(config.summary, tree) : undefined
  const authorNode = config.author ? select(config.author, tree) : undefined
  const locality = localityOf(tree, oldUrl, context)
  if (locality === undefined) {
    context.report('no-locality', `The page "${title}" has no locality: the config's locality rule does not place it and no --locality was given.`)
    return undefined
  }
  const body = required.body
  const dropped = new Set<Element>([
    ...config.remove.flatMap((selector) => selectAll(selector, body)),
    ...[required.title, summaryNode, authorNode].filter((node) => node !== undefined),
  ])
  visit(body, 'element', (node, index, parent) => {
    if (!dropped.has(node) || index === undefined || !parent) return
    parent.children.splice(index, 1)
    return [SKIP, index]
  })
  if (config.figure) for (const figure of selectAll(config.figure, body)) toFigure(figure, config)
  const converted = htmlToMarkdown(toHtml(body.children), {
    resolveImage: context.resolveImage,
    onProblem: (rule, reason) => context.report(rule, reason),
  })
  if (converted.markdown === '') {
    context.report('selector-missed', `The body selector "${config.body}" holds no text once "remove" is applied.`)
    return undefined
  }
  const slug = slugify(title) || 'bai'
  let id = `${date.slice(0, 4)}/${date.slice(5, 7)}/${slug}`
  if (context.usedIds.has(id)) id = `${id}-${slugify(oldUrl.pathname) || 'trang'}`
  context.usedIds.add(id)
  const alias = readablePath(oldUrl.pathname)
  const aliases = alias === '/' || alias === `/${id}/` ? [] : [alias]
  const byline = text(authorNode)
  const summary = text(summaryNode)
  const fields = {
    title,
    date,
    authors: [context.authorId(byline || 'Ban biên tập')],
    locality,
    tags: [],
    aliases,
    images: converted.images,
    draft: false,
    ...(summary ? { summary } : {}),
  }
  return {
    id,
    path: `articles/${id}.md`,
    text: articleText(fields, converted.markdown, { from: 'html', id: oldUrl.href }),
    images: converted.images.map((image) => image.src),
    aliases: aliases.length,
  }
}

/** A picture block of the old CMS (a table, a div) as `<figure><img><figcaption>`. */
function toFigure(figure: Element, config: HtmlConfig): void {
  const image = select(config.image, figure)
  if (!image) return
  const caption = config.caption ? text(select(config.caption, figure)) : ''
  figure.tagName = 'figure'
  figure.properties = {}
  figure.children = [
    image,
    ...(caption ? [{ type: 'element' as const, tagName: 'figcaption', properties: {}, children: [{ type: 'text' as const, value: caption }] }] : []),
  ]
}

/**
 * A date written on the page, found in its text by the format (`Thứ năm, 24/10/2019 - 09:15`
 * holds `24/10/2019 09:15` once the separator is allowed for), as `YYYY-MM-DD HH:mm`.
 *
 * @param value The text of the date element.
 * @param format luxon tokens.
 * @param timeZone The site's zone.
 */
export function readDate(value: string, format: string, timeZone: string): string | undefined {
  const pattern = format
    .split(/(yyyy|MM|M|dd|d|HH|H|mm|ss)/)
    .map((part, index) =>
      index % 2 === 1 ? (part === 'yyyy' ? '\\d{4}' : '\\d{1,2}') : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[\\s\\S]*?')
    )
    .join('')
  const found = new RegExp(pattern).exec(value)?.[0]
  if (found === undefined) return undefined
  const numbers = found.match(/\d+/g) ?? []
  const tokens = format.match(/yyyy|MM|M|dd|d|HH|H|mm|ss/g) ?? []
  const parts = Object.fromEntries(tokens.map((token, index) => [token[0] as string, Number(numbers[index])]))
  const date = DateTime.fromObject({ year: parts['y'], month: parts['M'], day: parts['d'], hour: parts['H'] ?? 0, minute: parts['m'] ?? 0 }, { zone: timeZone })
  return date.isValid ? date.toFormat('yyyy-MM-dd HH:mm') : undefined
}

function localityOf(tree: Root, oldUrl: URL, context: PageContext): string | undefined {
  const rule = context.config.locality
  if (rule) {
    const candidates: string[] = []
    if (rule.selector) candidates.push(...selectAll(rule.selector, tree).map((node) => text(node)))
    if (rule.url !== undefined) {
      const match = new RegExp(rule.url).exec(decodeURI(oldUrl.pathname))
      if (match) candidates.push(match[1] ?? match[0])
    }
    for (const candidate of candidates.reverse()) {
      const id = rule.map[candidate] ?? rule.map[candidate.normalize('NFC')]
      if (id !== undefined) return id
    }
  }
  return context.defaultLocality
}
