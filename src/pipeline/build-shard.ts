import { mkdir, rm, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { VFile } from 'vfile'
import { articleSourcesOf, keyByRunningCode, planModel, resolveNow, type BuildOptions } from './build.ts'
import { cacheGroup, folderKey, loadBodies, loadContent, type ContentSources } from '../content/index.ts'
import { mapLimit } from '../shared/files.ts'
import { imageEncoder, imageOptions, planImage, processImages, type ImageSet } from '../images/index.ts'
import { hasErrors } from '../problems/index.ts'
import { assetUrls, readAssets } from '../publish/index.ts'
import { renderCached } from '../render/index.ts'
import { cacheBundleWords, planSearchIndex, writeSearchIndex, type SearchPlan } from '../search/index.ts'
import {
  articleUrlOf,
  checkSite,
  planSearchBundles,
  publishedArticles,
  shardOf,
  shardShare,
  type SearchBundle,
  type Shard,
  type ShardShare,
  type SiteModel,
} from '../site/index.ts'
import { releaseMemory } from './memory.ts'
import { task, type Logger, type Timing } from '../shared/task.ts'

/** Options of {@link buildShard}: those of a build that shape the model, and which shard. */
export interface ShardOptions
  extends Pick<
    BuildOptions,
    'contentDir' | 'cacheDir' | 'baseUrl' | 'drafts' | 'now' | 'log' | 'progress' | 'sitemapLimit' | 'searchBundleSize' | 'renderFingerprint'
  > {
  shard: Shard
}

/** What a shard did. */
export interface ShardResult {
  ok: boolean
  /** Every source file with its problems. */
  files: VFile[]
  timings: Timing[]
  /** Its share: search bundles, articles, and cache groups whose bodies it rendered. */
  bundles?: number
  articles?: number
  groups?: number
  /** Pages rendered into the cache, and found there already. */
  pages?: { rendered: number; cached: number }
  /** Search bundles indexed into the cache, and found there already. */
  search?: { indexed: number; cached: number }
}

/**
 * One shard of a cold build (`toasoan build --shard I/N`): the expensive work for its share of
 * the archive, written into the cache as a whole build would write it, and nothing else. It reads
 * every article's front matter (the site model needs all of it), shares the search bundles out by
 * bytes of Markdown (see `shardShare`), then renders the bodies of its bundles' articles, their
 * pages, its share of the index pages, its bundles' search index and words, and its articles'
 * images. It writes no output folder and prunes no cache, so the shards' cache folders, copied
 * into one, make the next ordinary build a warm one; a shard missing from the copy only leaves
 * that build more to do.
 *
 * @param options The build's options and the shard.
 */
export async function buildShard(options: ShardOptions): Promise<ShardResult> {
  const log = options.log ?? ((line: string) => console.log(line))
  const cacheDir = resolve(options.cacheDir ?? '.cache')
  const { shard } = options
  // Keyed by the code this shard runs, as a whole build is.
  await keyByRunningCode()
  const timings: Timing[] = []
  // Pages and bundles are written here and linked into the cache (the same disk), then dropped.
  const scratch = join(cacheDir, `shard-${shard.index}-of-${shard.count}`)
  await rm(scratch, { recursive: true, force: true })
  await mkdir(scratch, { recursive: true })
  try {
    // As in a whole build, the stages that share the site model hand on nothing that holds it, so
    // the model and the bodies can be collected before Pagefind starts.
    const modelled = await throughShareModel(options, { log, timings, cacheDir, scratch })
    if (!modelled.ok) return { ok: false, files: modelled.files, timings }
    const search = await task(
      'indexing search',
      timings,
      log,
      (progress) => writeSearchIndex(modelled.searchPlan, { outputDir: scratch, progress, beforeIndexing: releaseMemory }),
      options.progress
    )
    log(`  search bundles: ${search.indexed} indexed, ${search.cached} from the cache`)
    await task('processing images', timings, log, () =>
      processImages(modelled.images, { outputDir: scratch, cacheDir: join(cacheDir, 'images', folderKey(modelled.contentDir)), prune: false })
    )
    return {
      ok: true,
      files: modelled.files,
      timings,
      bundles: modelled.bundles,
      articles: modelled.articles,
      groups: modelled.groups,
      pages: modelled.pages,
      search: { indexed: search.indexed, cached: search.cached },
    }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

/** What {@link throughShareModel} hands on: nothing that holds the site model. */
type ShareResults =
  | { ok: false; files: VFile[] }
  | {
      ok: true
      files: VFile[]
      contentDir: string
      bundles: number
      articles: number
      groups: number
      pages: { rendered: number; cached: number }
      searchPlan: SearchPlan
      images: Array<Pick<ImageSet, 'source' | 'variants'>>
    }

/**
 * The shard's stages that share the site model: every front matter, the share, its bodies, the
 * model, its pages, and its search bundles planned (their records written) with their words.
 *
 * @param options The shard's options.
 * @param context Where the stages log and write.
 */
async function throughShareModel(options: ShardOptions, context: { log: Logger; timings: Timing[]; cacheDir: string; scratch: string }): Promise<ShareResults> {
  const { log, timings, cacheDir, scratch } = context
  const contentDir = resolve(options.contentDir ?? 'content')
  const cacheKey = folderKey(contentDir)
  const { shard } = options
  const now = options.now ?? resolveNow(undefined)
  // Every article's front matter (and the site's checks of its addresses): which bundles there are, and which are this shard's.
  const first = await task(
    'reading front matter',
    timings,
    log,
    async (progress) => checkSite(await loadContent({ contentDir, cacheDir, bodyGroups: [], lean: true, progress })),
    options.progress
  )
  if (!first.sources || hasErrors(first.files)) return { ok: false, files: first.files }
  const firstSources = first.sources
  const { share, groups, bundles } = await task('sharing out the archive', timings, log, () => shareOf(firstSources, options, now))
  log(`  shard ${shard.index}/${shard.count}: ${share.bundles.size} search bundles, ${share.articles.size} articles, ${groups.length} folders`)
  // Its bodies rendered (and cached), then the same model a whole build plans.
  const { sources, files } = await task(
    'loading bodies',
    timings,
    log,
    (progress) => loadBodies({ sources: firstSources, files: first.files }, { contentDir, cacheDir, groups, lean: true, progress }),
    options.progress
  )
  if (!sources || hasErrors(files)) return { ok: false, files }
  const { model, siteIcons, siteLogo } = await task('planning site', timings, log, () => planModel(sources, options, now))
  // What the articles are made from: the keys of pages and search bundles made from the same are kept from the last build.
  const inputs = articleSourcesOf(sources, options, join(cacheDir, 'article-keys', `${cacheKey}.json`))
  // The share was made from the bundles the model was going to have: a difference is a bug here.
  if (JSON.stringify(model.searchBundles) !== JSON.stringify(bundles)) throw new Error('the site model holds other search bundles than the shard shared out')
  const assets = await readAssets()
  const pages = await task(
    'rendering pages',
    timings,
    log,
    (progress) =>
      renderCached(model, {
        outputDir: scratch,
        pagesCacheDir: join(cacheDir, 'pages', cacheKey),
        eleventyCacheDir: cacheDir,
        assets: assetUrls(assets),
        bodies: sources.bodies,
        progress,
        // Feeds carry the newest bodies of the whole archive: the final build renders them.
        share: ({ kind, url }) => (kind === 'article' ? share.articles.has(url) : kind !== 'feed' && shardOf(url, shard.count) === shard.index),
        ...(options.renderFingerprint === undefined ? {} : { fingerprint: options.renderFingerprint }),
        // Keyed as the final build keys them (listing pages by their teasers' files, see
        // `teaserInputs`), so that build takes them from this shard's cache; a shard writes no record.
        ...(inputs === undefined ? {} : { articleSources: inputs }),
      }),
    options.progress
  )
  log(`  pages: ${pages.rendered} rendered, ${pages.cached} from the cache`)
  const searchPlan = await task('preparing search', timings, log, async () => {
    const plan = await planSearchIndex(model, { cacheDir: join(cacheDir, 'search', cacheKey), bodies: sources.bodies, share: share.bundles })
    // Words of every bundle but the newest, which the search page always opens (see writeWordRoutes).
    const newest = model.searchBundles.at(-1)?.url
    await cacheBundleWords(
      model,
      plan.bundles.filter((bundle) => bundle.bundle !== newest),
      join(cacheDir, 'search-words', cacheKey),
      sources.bodies
    )
    return plan
  })
  // The site's icon and the publisher's logo go with the first shard.
  const siteImages = shard.index === 1 ? [...(siteIcons ? [siteIcons.set] : []), ...(siteLogo ? [siteLogo.set] : [])] : []
  return {
    ok: true,
    files,
    contentDir,
    bundles: share.bundles.size,
    articles: share.articles.size,
    groups: groups.length,
    pages: { rendered: pages.rendered, cached: pages.cached },
    searchPlan,
    images: [...(await imagesOf(model, sources, share)), ...siteImages],
  }
}

/**
 * A shard's share, and the cache groups (article folders) whose bodies it renders: every folder
 * holding an article of its bundles, whole, so that each source-cache file it writes is complete;
 * and the folders no bundle covers (drafts, scheduled articles), spread by name.
 */
async function shareOf(sources: ContentSources, options: ShardOptions, now: number): Promise<{ share: ShardShare; groups: string[]; bundles: SearchBundle[] }> {
  const contentDir = resolve(options.contentDir ?? 'content')
  const { timeZone } = sources.registries.site
  // The bundles the model will have, without planning the rest of it.
  const published = publishedArticles(sources.articles, { now, drafts: options.drafts ?? false }).reverse()
  const bundles = planSearchBundles(
    published.map((article) => ({ url: articleUrlOf(article, timeZone) })),
    options.searchBundleSize ?? sources.registries.site.searchBundleSize
  )
  const sourceOf = new Map(sources.articles.map((article) => [articleUrlOf(article, timeZone), join(contentDir, article.sourcePath)]))
  const sizes = new Map(await mapLimit([...sourceOf], 64, async ([url, path]) => [url, (await stat(path)).size] as const))
  const share = shardShare(bundles, (url) => sizes.get(url) ?? 0, options.shard)
  const groupOf = (url: string): string | undefined => {
    const path = sourceOf.get(url)
    return path === undefined ? undefined : cacheGroup(contentDir, path)
  }
  const covered = new Set(bundles.flatMap((bundle) => bundle.articles.map(groupOf)))
  const groups = new Set([...share.articles].map(groupOf))
  for (const article of sources.articles) {
    const group = cacheGroup(contentDir, join(contentDir, article.sourcePath))
    if (!covered.has(group) && shardOf(group, options.shard.count) === options.shard.index) groups.add(group)
  }
  return { share, groups: [...groups].filter((group) => group !== undefined).sort(), bundles }
}

/** The images of a shard's articles, planned as the build plans them. */
async function imagesOf(model: SiteModel, sources: ContentSources, share: ShardShare): Promise<Array<ReturnType<typeof planImage>>> {
  const encoder = await imageEncoder()
  const { timeZone } = model.site
  const used = new Set(sources.articles.filter((article) => share.articles.has(articleUrlOf(article, timeZone))).flatMap((article) => article.imageFiles))
  return sources.media.filter((media) => used.has(media.sourcePath)).map((media) => planImage(media, imageOptions, encoder))
}
