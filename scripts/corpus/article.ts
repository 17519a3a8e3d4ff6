/**
 * Makes one article: its date, category, locality, authors, tags, title,
 * summary, images, slug and body, all drawn from the article's own random source.
 */
import { makeBody } from './article-body.ts'
import { IMAGE_POOL } from './images.ts'
import { at, createWeightedList, pick, pickDistinctWeighted, pickWeighted, randomInt } from './random.ts'
import type { Random } from './random.ts'
import type { CorpusRegistries } from './registries.ts'
import { fillTemplate, lexiconList } from './template.ts'
import type { FillContext } from './template.ts'
import { capitalize, formatLocalDate, localityLabel, localityShortName, slugSuffix, toSlug, TOTAL_DAYS, truncateSlug } from './text.ts'
import { CATEGORY_IDS, CATEGORY_LEXICON, PHOTO_CREDITS, SHARED_ALT_TEXTS, TAGS } from './vocabulary.ts'
import type { CategoryId } from './vocabulary.ts'

/** An image listed in an article's front matter. */
export interface CorpusImage {
  /** File name inside media/, e.g. "anh-3.jpg". */
  src: string
  /** Alternative text. */
  alt: string
  /** Caption shown under the image. */
  caption: string
  /** Photographer or source. */
  credit: string
}

/** Front matter of a generated article, in the key order it is written. */
export interface ArticleFrontMatter {
  /** Headline. */
  title: string
  /** Local time, `YYYY-MM-DD HH:mm`, no offset. */
  date: string
  /** Single author id (used by ~30% of articles instead of `authors`). */
  author?: string
  /** One or two author ids. */
  authors?: string[]
  /** Locality id. */
  locality: string
  /** Category id. */
  category: CategoryId
  /** One to four tags. */
  tags: string[]
  /** Lead paragraph (sapo). */
  summary: string
  /** One to three images, each placed once in the body. */
  images: CorpusImage[]
  /** Old CMS URLs (~2% of articles). */
  aliases?: string[]
}

/** A generated article ready to be rendered. */
export interface CorpusArticle {
  /** Zero-based index in the corpus. */
  index: number
  /** File name without extension; unique in the corpus. */
  slug: string
  /** Path relative to the output folder: `articles/YYYY/MM/<slug>.md`. */
  path: string
  /** Front matter. */
  frontMatter: ArticleFrontMatter
  /** Markdown body, ending with a newline. */
  body: string
}

/** Relative share of each category, in {@link CATEGORY_IDS} order. */
const CATEGORY_WEIGHTS: readonly number[] = [25, 20, 12, 18, 15, 10]

const TAG_PICKER = createWeightedList(TAGS, (_tag, index) => 1 / (index + 3))
const CATEGORY_PICKER = createWeightedList(CATEGORY_IDS, (_id, index) => at(CATEGORY_WEIGHTS, index))
const IMAGE_PICKER = createWeightedList(IMAGE_POOL, () => 1)

/**
 * Generates article `index`; pure given the random source.
 * @param index zero-based article index (determines the slug suffix)
 * @param rand random source dedicated to this article (see {@link deriveSeed})
 * @param registries localities, authors and their pickers
 */
export function makeArticle(index: number, rand: Random, registries: CorpusRegistries, options: { ownPhotographs?: boolean } = {}): CorpusArticle {
  const dayOffset = randomInt(rand, 0, TOTAL_DAYS - 1)
  const date = formatLocalDate(dayOffset, randomInt(rand, 6, 22), randomInt(rand, 0, 59))
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  const category = pickWeighted(rand, CATEGORY_PICKER)
  const locality = pickWeighted(rand, registries.localityPicker)
  const authorIds = pickDistinctWeighted(rand, registries.authorPicker, rand() < 0.8 ? 1 : 2).map((author) => author.id)
  const singleAuthor = rand() < 0.3
  const context: FillContext = {
    rand,
    lexicon: CATEGORY_LEXICON[category],
    loc: localityLabel(locality),
    locName: localityShortName(locality),
    province: localityLabel(registries.root),
    provinceName: localityShortName(registries.root),
    year,
    month,
  }

  const title = capitalize(fillTemplate(pick(rand, lexiconList('title', context)), context))
  const tags = pickDistinctWeighted(rand, TAG_PICKER, randomInt(rand, 1, 4))
  const summaryParts = [capitalize(fillTemplate(pick(rand, lexiconList('lead', context)), context))]
  if (rand() < 0.5) summaryParts.push(capitalize(fillTemplate(pick(rand, lexiconList('sentence', context)), context)))
  const summary = summaryParts.join(' ')

  const firstAuthorName = registries.authorById.get(authorIds[0] ?? '')?.name ?? 'CTV'
  const ownCredit = `Ảnh: ${firstAuthorName}`
  const picked = pickDistinctWeighted(rand, IMAGE_PICKER, randomInt(rand, 1, 3)).map((src): CorpusImage => {
    const alts = context.lexicon['alt'] ?? SHARED_ALT_TEXTS
    const alt = capitalize(fillTemplate(pick(rand, rand() < 0.8 ? alts : SHARED_ALT_TEXTS), context))
    const caption = `${alt} ${fillTemplate(pick(rand, lexiconList('place', context)), context)}.`
    const credit = rand() < 0.7 ? ownCredit : pick(rand, PHOTO_CREDITS)
    return { src, alt, caption, credit }
  })

  const baseSlug = truncateSlug(toSlug(title), 60) || 'bai-viet'
  const slug = `${baseSlug}-${slugSuffix(index)}`
  const aliases = rand() < 0.02 ? [`/old-cms/${baseSlug}-${100_000 + index}.htm`] : undefined
  // Photographs of its own (named after the article, drawing nothing from its random source, so
  // the text is the pool corpus's with other file names), as a real archive's articles have.
  const images = options.ownPhotographs === true ? picked.map((image, k) => ({ ...image, src: `${slug}-${k + 1}.jpg` })) : picked
  const body = makeBody(rand, context, images)

  const frontMatter: ArticleFrontMatter = {
    title,
    date,
    ...(singleAuthor ? { author: authorIds[0] ?? '' } : { authors: authorIds }),
    locality: locality.id,
    category,
    tags,
    summary,
    images,
    ...(aliases ? { aliases } : {}),
  }
  const folder = `articles/${date.slice(0, 4)}/${date.slice(5, 7)}`
  return { index, slug, path: `${folder}/${slug}.md`, frontMatter, body }
}
