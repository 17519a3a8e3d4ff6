export {
  isUnrendered,
  loadArticle,
  splitFrontMatter,
  unrenderedDigest,
  type AliasPlaces,
  type ArticleContext,
  type ArticleSource,
  type LoadedArticle,
} from './article.ts'
export { isoInZone, parseArticleDate, partsInZone, type ArticleDate } from './dates.ts'
export { loadComments, type CommentSource } from './comments.ts'
export { articlePaths, folderKey, loadBodies, loadContent, type ContentSources, type LoadedContent, type LoadOptions } from './load.ts'
export { gitBlobIds } from './git-index.ts'
export { plainMessage, restoreMessages, type PlainMessage } from './load-articles.ts'
export { contentEntries, contentState, type ContentEntry } from './content-state.ts'
export type { MediaFile } from './media.ts'
export { loadPublisherLogo, loadSiteIcon, loadSiteImage, type SiteImageField } from './site-icon.ts'
export { loadRegistries, type Registries } from './registries.ts'
export * from './schema.ts'
export { loadPages, pageUrlOf, type LoadedPage, type PageSource } from './pages.ts'
export { placeholders } from './placeholders.ts'
export { cacheGroup } from './source-cache.ts'
export type { BodyStore } from './bodies.ts'
