/**
 * Synthetic corpus generator: public API.
 */
export { makeArticle, type ArticleFrontMatter, type CorpusArticle, type CorpusImage } from './article.ts'
export { makeBody } from './article-body.ts'
export { GENERATED_ENTRIES, generateCorpus, ownPhotograph, type GenerateCorpusOptions, type GenerateCorpusResult } from './generate-corpus.ts'
export { gradientPixels, IMAGE_HEIGHT, IMAGE_POOL, IMAGE_WIDTH } from './images.ts'
export {
  createRandom,
  createWeightedList,
  deriveSeed,
  hashSeed,
  pick,
  pickDistinctWeighted,
  pickWeighted,
  randomInt,
  type Random,
  type WeightedList,
} from './random.ts'
export {
  BUILT_IN_LOCALITIES,
  createRegistries,
  makeAuthors,
  parseLocalities,
  type Author,
  type CorpusRegistries,
  type Locality,
} from './registries.ts'
export { FRONT_MATTER_KEYS, renderArticleFile, renderFrontMatter, yamlQuote } from './render-article-file.ts'
export { renderAuthorsFile, renderLocalitiesFile, renderSiteFile } from './render-site-files.ts'
export { fillTemplate, makePersonName, type FillContext } from './template.ts'
export {
  capitalize,
  countWords,
  formatLocalDate,
  formatThousands,
  localityBareName,
  localityLabel,
  localityShortName,
  MAX_ARTICLES,
  slugSuffix,
  toSlug,
  truncateSlug,
} from './text.ts'
export * from './vocabulary.ts'
