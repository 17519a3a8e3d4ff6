/**
 * Composes an article's Markdown body from sentence templates, with optional
 * headings and bullet list, and the article's images placed among the paragraphs.
 */
import type { CorpusImage } from './article.ts'
import { createWeightedList, pick, pickDistinctWeighted, randomInt } from './random.ts'
import type { Random } from './random.ts'
import { fillTemplate, lexiconList } from './template.ts'
import type { FillContext } from './template.ts'
import { capitalize, countWords } from './text.ts'
import { SHARED_LEXICON } from './vocabulary.ts'

/**
 * Composes a Markdown body of about 300–1,200 words: paragraphs from sentence templates,
 * `##` headings in half the articles, a bullet list in a fifth, each image once as its own paragraph.
 * @param rand random source
 * @param context fill context of the article
 * @param images the article's images, placed in order
 */
export function makeBody(rand: Random, context: FillContext, images: readonly CorpusImage[]): string {
  const target = randomInt(rand, 310, 1080)
  const hasHeadings = rand() < 0.5
  const hasList = rand() < 0.2
  const sentence = (slot: string): string => capitalize(fillTemplate(pick(rand, lexiconList(slot, context)), context))
  let words = 0

  let list: string | undefined
  if (hasList) {
    const lines = [sentence('bulletLead'), '']
    for (let i = randomInt(rand, 3, 5); i > 0; i--) lines.push(`- ${sentence(rand() < 0.6 ? 'task' : 'result')}.`)
    list = lines.join('\n')
    words += countWords(list) - (lines.length - 2)
  }

  const minParagraphs = Math.max(3, images.length)
  const paragraphs: string[] = []
  while (words < target || paragraphs.length < minParagraphs) {
    const sentences: string[] = []
    const count = randomInt(rand, 2, 5)
    for (let i = 0; i < count; i++) {
      const text = sentence(paragraphs.length === 0 && i === 0 ? 'lead' : 'sentence')
      sentences.push(text)
      words += countWords(text)
      if (words >= target && paragraphs.length + 1 >= minParagraphs) break
    }
    paragraphs.push(sentences.join(' '))
  }

  const count = paragraphs.length
  const imageAfter = new Map<number, CorpusImage>()
  for (const [k, image] of images.entries()) imageAfter.set(Math.floor((k * count) / images.length), image)
  const headingBefore = new Map<number, string>()
  if (hasHeadings && count >= 4) {
    const headingCount = Math.min(4, Math.max(2, Math.floor(count / 3)))
    const pool = [...(context.lexicon['heading'] ?? []), ...(SHARED_LEXICON['heading'] ?? [])]
    const chosen = pickDistinctWeighted(
      rand,
      createWeightedList(pool, () => 1),
      headingCount
    )
    chosen.forEach((heading, j) => {
      headingBefore.set(1 + Math.floor((j * (count - 1)) / headingCount), `## ${capitalize(fillTemplate(heading, context))}`)
    })
  }
  const listAfter = list === undefined ? -1 : randomInt(rand, 1, count - 1)

  const blocks: string[] = []
  paragraphs.forEach((paragraph, p) => {
    const heading = headingBefore.get(p)
    if (heading !== undefined) blocks.push(heading)
    blocks.push(paragraph)
    const image = imageAfter.get(p)
    if (image !== undefined) blocks.push(`![](${image.src})`)
    if (p === listAfter && list !== undefined) blocks.push(list)
  })
  return `${blocks.join('\n\n')}\n`
}
