import type { Registries } from '../content/registries.ts'
import type { LocalityEntry } from '../content/schema.ts'
import { stringsFor, type Strings } from './strings.ts'
import { wallClock } from './zone-parts.ts'

/** One field of the Decap CMS editor (the keys Decap reads; see its "Widgets" docs). */
export interface CmsField {
  /** The front-matter key (`body` is the Markdown below it). */
  name: string
  /** What the writer sees. */
  label: string
  widget: 'string' | 'text' | 'markdown' | 'datetime' | 'select' | 'list' | 'object' | 'image' | 'boolean' | 'hidden'
  /** Whether Decap refuses to save without it; mirrors the front-matter schema. */
  required: boolean
  hint?: string
  default?: unknown
  options?: ReadonlyArray<{ label: string; value: string }>
  multiple?: boolean
  min?: number
  fields?: CmsField[]
  field?: CmsField
  format?: string
  date_format?: string
  time_format?: string
  pattern?: readonly [string, string]
  choose_url?: boolean
  summary?: string
  label_singular?: string
}

/** The Decap CMS configuration (`/admin/config.yml`). */
export interface CmsConfig {
  backend: { name: 'github'; repo?: string; branch: string; base_url: string; auth_endpoint: string } | { name: 'git-gateway'; branch: string }
  local_backend?: true | { url: string }
  /** Each article a branch and pull request until an editor publishes it (`cms.workflow: editorial`). */
  publish_mode?: 'editorial_workflow'
  locale: string
  site_url: string
  display_url: string
  media_folder: string
  public_folder: string
  slug: { encoding: 'ascii'; clean_accents: true; sanitize_replacement: '-' }
  collections: CmsCollection[]
}

/** A collection of articles: a month, a year of the archive, or the whole archive. */
export interface CmsCollection {
  name: string
  label: string
  label_singular: string
  folder: string
  /** Whether writers start new articles here (the months); a year is for finding and editing. */
  create: boolean
  /** Left out of the menu: a month of the archive, where the search box opens an article it found. */
  hide?: true
  format: string
  extension: 'md'
  path: string
  media_folder: string
  public_folder: string
  slug: string
  summary: string
  /** `default_sort` (Decap 3.16+) opens the list sorted: Decap then loads the collection whole. */
  sortable_fields: Array<string | { field: string; default_sort: 'desc' }>
  fields: CmsField[]
}

/** Options of {@link cmsConfig}. */
export interface CmsConfigOptions {
  /** The content folder as a path inside the git repository, e.g. `content`. @default 'content' */
  contentPath?: string
  /** The site's origin, overriding site.yml's (a preview build). */
  baseUrl?: string
  /** The GitHub repository (`owner/name`) when site.yml names none, e.g. from the `origin` remote. */
  repo?: string
  /**
   * The archive's month folders (`2025/12`, under `articles/`) and the build's "now" (epoch ms):
   * the editor then opens on the current month, newest first, with the newest earlier month that
   * has articles and one collection per year, so no list holds the whole archive. Without them,
   * one collection holds every article.
   */
  archive?: { now: number; months: readonly string[] }
}

/** Where the OAuth helper is when site.yml's `cms.baseUrl` does not say: beside the site. */
export const defaultOAuthPath = '/cms-oauth'

/**
 * The custom file format the admin script registers: front matter as `toasoan new` writes it,
 * without the helper keys the path is made from.
 */
export const cmsFormat = 'toasoan-md'

/**
 * Helper keys the admin script sets before saving (the year and month of `date` as written, in
 * the site's zone) and strips from the file. Decap's own `{{year}}`/`{{month}}` read the date in
 * UTC, which files an article dated 00:00–06:59 on the 1st (Vietnam time) under the month before.
 */
export const cmsFolderKeys = { year: 'cms_year', month: 'cms_month' } as const

/**
 * Generates the Decap CMS configuration from the registries: one "Bài viết" collection writing
 * `articles/YYYY/MM/<slug>.md` with a widget for every front-matter key, its required flag that
 * of the schema, localities, authors and categories offered by name. Writers sign in to GitHub
 * through the OAuth helper (Netlify's `git-gateway` only when site.yml asks for it); with
 * `cms.workflow: editorial` an editor publishes each article.
 *
 * @param registries site.yml, localities, authors and categories.
 * @param options Where the content lives in the repository.
 */
export function cmsConfig(registries: Registries, options: CmsConfigOptions = {}): CmsConfig {
  const contentPath = (options.contentPath ?? 'content').replace(/^\.?\/+|\/+$/g, '')
  const inContent = (path: string): string => (contentPath === '' ? path : `${contentPath}/${path}`)
  const { site } = registries
  const siteUrl = options.baseUrl ?? site.baseUrl
  const { cms } = site
  const repo = cms.repo ?? options.repo
  const backend: CmsConfig['backend'] =
    cms.backend === 'git-gateway'
      ? { name: 'git-gateway', branch: cms.branch }
      : { name: 'github', ...(repo === undefined ? {} : { repo }), branch: cms.branch, ...oauthEndpoint(cms.baseUrl ?? `${siteUrl}${defaultOAuthPath}`) }
  const localBackend = cms.localBackend === false ? {} : { local_backend: cms.localBackend === true ? (true as const) : { url: cms.localBackend } }
  const media = mediaFolder(registries, options.archive)
  return {
    backend,
    ...localBackend,
    ...(cms.workflow === 'editorial' ? { publish_mode: 'editorial_workflow' as const } : {}),
    locale: 'vi',
    site_url: siteUrl,
    display_url: siteUrl,
    media_folder: inContent(media),
    // A `src` starting with "/" is read from the content folder: /media/x.jpg is content/media/x.jpg.
    public_folder: `/${media}`,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: articleCollections(registries, inContent, media, options.archive),
  }
}

/**
 * The month of the build's "now" in the site's zone, `YYYY/MM`.
 *
 * @param now Epoch ms.
 * @param timeZone The site's zone.
 */
function monthOf(now: number, timeZone: string): string {
  const clock = wallClock(now, timeZone)
  return `${clock.year}/${String(clock.month).padStart(2, '0')}`
}

/**
 * Where the editor uploads images, under the content folder: with the archive's months, the current
 * month's folder (`media/2025/12`, the layout an import writes), so the media library Decap loads at
 * sign-in lists one month's uploads, never every image of the archive (decap-server sends each one
 * whole, base64); else `media`.
 */
function mediaFolder(registries: Registries, archive: CmsConfigOptions['archive']): string {
  return archive === undefined ? 'media' : `media/${monthOf(archive.now, registries.site.timeZone)}`
}

/**
 * The article collections: with the archive's months, the current month (`articles`, where new
 * articles start), the newest earlier month with articles, both newest first, then each year
 * (`articles-YYYY`, newest year first), then every other month of the archive, hidden from the
 * menu (`articles-YYYY-MM`, where the search box opens what it finds); without them, the whole
 * archive as one collection.
 */
function articleCollections(registries: Registries, inContent: (path: string) => string, media: string, archive: CmsConfigOptions['archive']): CmsCollection[] {
  const words = stringsFor(registries.site.language).cms
  const fields = articleFields(registries, words)
  const collection = (name: string, label: string, folder: string, path: string, newestFirst: boolean): CmsCollection => ({
    name,
    label,
    label_singular: words.collectionSingular,
    folder: inContent(folder),
    create: true,
    format: cmsFormat,
    extension: 'md',
    path,
    // A collection with a `path` otherwise keeps images beside the article.
    media_folder: `/${inContent(media)}`,
    public_folder: `/${media}`,
    slug: '{{title}}',
    summary: '{{title}} ({{date}})',
    sortable_fields: newestFirst ? [{ field: 'date', default_sort: 'desc' }, 'title'] : ['date', 'title'],
    fields,
  })
  // Decap rewrites a path template's "." to "-", so the helpers are named without `fields.`.
  const { year: yearKey, month: monthKey } = cmsFolderKeys
  if (archive === undefined) return [collection('articles', words.collection, 'articles', `{{${yearKey}}}/{{${monthKey}}}/{{slug}}`, false)]
  const current = monthOf(archive.now, registries.site.timeZone)
  const earlier = archive.months.filter((month) => /^\d{4}\/\d{2}$/.test(month) && month < current).sort()
  const months = [current, ...earlier.slice(-1)]
  const years = [...new Set([current, ...archive.months].map((month) => month.slice(0, 4)))]
    .filter((year) => /^\d{4}$/.test(year))
    .sort()
    .reverse()
  return [
    ...months.map((month, index) =>
      collection(
        index === 0 ? 'articles' : `articles-${month.replace('/', '-')}`,
        `${words.collection} ${month.slice(5)}/${month.slice(0, 4)}`,
        `articles/${month}`,
        '{{slug}}',
        true
      )
    ),
    ...years.map((year) => ({
      ...collection(`articles-${year}`, `${words.collection} ${year}`, `articles/${year}`, `{{${monthKey}}}/{{slug}}`, false),
      create: false,
    })),
    // Decap's editor loads the list of the collection an entry opens in: a found article opens in
    // its month (a few hundred files), not its year (thousands, each sent whole by decap-server).
    ...earlier
      .slice(0, -1)
      .reverse()
      .map((month) => ({
        ...collection(
          `articles-${month.replace('/', '-')}`,
          `${words.collection} ${month.slice(5)}/${month.slice(0, 4)}`,
          `articles/${month}`,
          '{{slug}}',
          false
        ),
        create: false,
        hide: true as const,
      })),
  ]
}

/**
 * Decap's `base_url` and `auth_endpoint` for an OAuth helper's URL. Decap opens
 * `base_url/auth_endpoint` and accepts the token only from a window whose origin is exactly
 * `base_url`, so a helper under a path keeps the path in `auth_endpoint`.
 *
 * @param helperUrl The helper's URL, e.g. `https://cms-auth.example.workers.dev` or `https://example.vn/cms-oauth`.
 */
export function oauthEndpoint(helperUrl: string): { base_url: string; auth_endpoint: string } {
  const url = new URL(helperUrl)
  const path = url.pathname.replace(/^\/+|\/+$/g, '')
  return { base_url: url.origin, auth_endpoint: path === '' ? 'auth' : `${path}/auth` }
}

const dateWidget = { widget: 'datetime', format: 'YYYY-MM-DD HH:mm', date_format: 'DD/MM/YYYY', time_format: 'HH:mm' } as const

/** The editor's fields, in the order `toasoan new` writes the keys. */
function articleFields(registries: Registries, words: Strings['cms']): CmsField[] {
  const authors = registries.authors.map((author) => ({ label: author.name, value: author.id }))
  const category: CmsField = registries.categories
    ? {
        name: 'category',
        label: words.category,
        widget: 'select',
        required: false,
        options: registries.categories.map((entry) => ({ label: entry.name, value: entry.id })),
      }
    : { name: 'category', label: words.category, widget: 'string', required: false, pattern: ['^[a-z0-9]+(-[a-z0-9]+)*$', words.categoryPattern] }
  return [
    { name: 'title', label: words.title, widget: 'string', required: true },
    { name: 'date', label: words.date, ...dateWidget, required: true, default: '{{now}}', hint: words.dateHint },
    { name: 'updated', label: words.updated, ...dateWidget, required: false },
    { name: 'correction', label: words.correction, widget: 'text', required: false, hint: words.correctionHint },
    { name: 'authors', label: words.authors, widget: 'select', multiple: true, min: 1, required: true, options: authors },
    { name: 'locality', label: words.locality, widget: 'select', required: true, options: localityOptions(registries.localities), hint: words.localityHint },
    category,
    { name: 'tags', label: words.tags, widget: 'list', required: false, default: [], hint: words.tagsHint },
    { name: 'summary', label: words.summary, widget: 'text', required: false },
    {
      name: 'images',
      label: words.images,
      label_singular: words.image,
      widget: 'list',
      required: false,
      default: [],
      summary: '{{fields.src}}',
      hint: words.imagesHint,
      fields: [
        { name: 'src', label: words.imageSrc, widget: 'image', required: true, choose_url: false },
        { name: 'alt', label: words.imageAlt, widget: 'string', required: false, hint: words.imageAltHint },
        { name: 'caption', label: words.imageCaption, widget: 'string', required: false },
        { name: 'credit', label: words.imageCredit, widget: 'string', required: false },
      ],
    },
    { name: 'draft', label: words.draft, widget: 'boolean', required: false, default: false },
    { name: 'comments', label: words.comments, widget: 'boolean', required: false },
    { name: 'featured', label: words.featured, hint: words.featuredHint, widget: 'boolean', required: false, default: false },
    { name: 'aliases', label: words.aliases, widget: 'list', required: false, default: [], hint: words.aliasesHint },
    { name: 'body', label: words.body, widget: 'markdown', required: true },
  ]
}

/**
 * Every locality, labelled with its name, kind and the place it belongs to (many communes share
 * a name), in registry order: Decap's select filters them as the writer types.
 *
 * @param localities The registry.
 */
export function localityOptions(localities: readonly LocalityEntry[]): Array<{ label: string; value: string }> {
  const names = new Map(localities.map((locality) => [locality.id, locality.name]))
  return localities.map((locality) => {
    const parent = locality.parent === undefined ? undefined : names.get(locality.parent)
    return { label: `${locality.name} (${locality.kind}${parent === undefined ? '' : `, ${parent}`})`, value: locality.id }
  })
}
