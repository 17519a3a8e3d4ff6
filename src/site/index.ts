export { checkSite, checkUrls } from './check-site.ts'
export { commentThread, countComments, type CommentModel } from './comments.ts'
export { displayDate } from './display-date.ts'
export { planListings, type ListingContext } from './listings.ts'
export type {
  ArticleLink,
  ArticleModel,
  ArticleWithBody,
  ArticleTeaser,
  AuthorModel,
  CategoryModel,
  DisplayDate,
  Feed,
  FeedItem,
  FeedWithBodies,
  HomePage,
  LatestFragment,
  LeadStory,
  ListingPage,
  LocalityModel,
  Navigation,
  NewsroomPage,
  Redirect,
  SiteInfo,
  SiteModel,
  Sitemaps,
  YearPage,
} from './model.ts'
export { paginate, type PageSlice, type Pagination } from './paginate.ts'
export { planLocalities, planSite, publishedArticles, sentenceCase, type PlanOptions } from './plan.ts'
export { frontPageSizes, planFrontPage, type FrontPageContext, type FrontPageSizes } from './front-page.ts'
export { relatedArticles, type RelatedOptions } from './related.ts'
export { planSearchBundles, type SearchBundle } from './search-bundles.ts'
export { dictionaries, stringsFor, type Language, type Strings } from './strings.ts'
export { absolutizeHtml, newsWindowMs, planFeeds, planFragments, planSitemaps } from './syndication.ts'
export { plannedUntil } from './planned-until.ts'
export { outputUnitOf, updateWithItem } from './content-hash.ts'
export { isTeaser, teaserOf } from './teasers.ts'
export * from './urls.ts'
export { cmsConfig, cmsFolderKeys, cmsFormat, localityOptions, type CmsConfig, type CmsConfigOptions, type CmsField } from './cms-config.ts'
export { parseShard, shardOf, shardShare, type Shard, type ShardShare } from './shards.ts'
export { type ArticleSources, keptBundleKeys, namesOf, recordInputs, searchBundleKeys, stampOf } from './search-inputs.ts'
