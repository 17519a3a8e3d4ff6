import { z } from 'zod'

/**
 * The content model: one schema per source, types inferred from them. Everything a template
 * shows has passed one of these.
 */

const nonEmpty = z.string().trim().min(1)
const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and hyphens, e.g. tp-thanh-hoa')
const oneOrMany = z.union([nonEmpty, z.array(nonEmpty).min(1)])

/** The administrative kinds a locality can have, as Vietnamese writes them. */
export const localityKinds = ['tỉnh', 'thành phố', 'thị xã', 'huyện', 'phường', 'xã', 'thị trấn'] as const

/** `site.yml`: the paper's settings. */
export const siteSchema = z.object({
  title: nonEmpty,
  description: z.string().default(''),
  baseUrl: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, '')),
  language: z.string().default('vi'),
  timeZone: nonEmpty.default('Asia/Ho_Chi_Minh'),
  /**
   * Who publishes the paper. `logo` (an image in the content folder such as `media/logo.png`, or an
   * https URL) is required: Google reads it from the `Organization` and `NewsArticle.publisher` markup.
   */
  publisher: z.object({
    name: nonEmpty,
    logo: z.string().regex(/^(?:https:\/\/\S+|(?![a-z]+:)[^\s]+)$/, 'must be an image in the content folder such as "media/logo.png", or an https URL'),
    /** The paper's own pages elsewhere (Facebook, YouTube, Zalo…), for the `Organization`'s `sameAs`. */
    sameAs: z.array(z.url({ protocol: /^https$/ })).default([]),
  }),
  /**
   * The site's icon: an image in the content folder (path from it, e.g. `media/bieu-tuong.png`),
   * square, at least 192 px; published as the favicon and the phone's home-screen icon.
   */
  icon: nonEmpty.optional(),
  /** The paper's X (Twitter) account, `@handle`, for `twitter:site` on every page. */
  twitter: z
    .string()
    .regex(/^@\w{1,15}$/, 'must be an X (Twitter) handle such as "@baotinxuthanh"')
    .optional(),
  /** Hosts whose `<iframe>` embeds are kept in article bodies. */
  embedHosts: z.array(nonEmpty).default([]),
  /** Articles on the landing page of an index. */
  pageSize: z.number().int().positive().default(20),
  /** Where readers' comments are posted; absent or `enabled: false` turns comments off. */
  comments: z.object({ enabled: z.boolean().default(true), endpoint: z.string().trim().optional() }).optional(),
  /** Largest image accepted, in megapixels: bigger files are an error, not a slow build. */
  maxImageMegapixels: z.number().positive().default(40),
  /** Articles per search bundle: more means less to download per query, more memory to index. */
  searchBundleSize: z.number().int().positive().default(1_000),
  /**
   * The web editor at `/admin/` (Decap CMS): the GitHub repository it commits to (without `repo`,
   * the `origin` remote of the repository holding the content), signing in through the OAuth
   * helper at `baseUrl`. `localBackend` is the `decap-server` it talks to on localhost
   * (`npm run cms`). @default { backend: 'github', branch: 'main', workflow: 'simple', localBackend: true }
   */
  cms: z
    .object({
      /** `git-gateway` signs in through Netlify Identity, which Netlify has deprecated (a warning). */
      backend: z.enum(['github', 'git-gateway']).default('github'),
      repo: z
        .string()
        .regex(/^[\w.-]+\/[\w.-]+$/, 'must be owner/name, e.g. baothanhhoa/archive')
        .optional(),
      branch: nonEmpty.default('main'),
      /**
       * The OAuth helper (`src/cms/oauth-worker.ts` as a Cloudflare Worker, or its Node server) that
       * signs writers in to GitHub. @default the site's origin + `/cms-oauth`
       */
      baseUrl: z
        .url({ protocol: /^https?$/ })
        .transform((url) => url.replace(/\/+$/, ''))
        .optional(),
      /** `true` (decap-server's default, http://localhost:8081/api/v1), its URL, or `false`. */
      localBackend: z.union([z.boolean(), z.url({ protocol: /^https?$/ })]).default(true),
      /** `editorial`: each article is a `cms/…` branch and pull request until an editor publishes it. */
      workflow: z.enum(['simple', 'editorial']).default('simple'),
    })
    .default({ backend: 'github', branch: 'main', localBackend: true, workflow: 'simple' }),
})

/** `localities.yml`: the tree of places, province → district → ward/commune. */
export const localitySchema = z.object({
  id,
  name: nonEmpty,
  kind: z.enum(localityKinds),
  parent: id.optional(),
})

/** `authors.yml`: the people on bylines. */
export const authorSchema = z.object({
  id,
  name: nonEmpty,
  bio: z.string().optional(),
  url: z.url().optional(),
})

/** `categories.yml` (optional): the sections of the paper. */
export const categorySchema = z.object({
  id,
  name: nonEmpty,
})

/** One picture of an article, as listed in front matter. */
export const imageSchema = z.object({
  src: nonEmpty,
  alt: z.string().optional(),
  caption: z.string().optional(),
  credit: z.string().optional(),
})

/**
 * Where `toasoan import` took a file from, and the digest of the text it wrote: a later import
 * replaces the file only while its text still has that digest (nobody edited it since).
 */
export const importedSchema = z.object({
  from: z.enum(['wordpress', 'html']),
  id: z.union([nonEmpty, z.number()]).transform(String),
  /** What the file was made from (the item, its images, the options, the code): unchanged, it is not converted again. */
  source: z
    .string()
    .regex(/^[0-9a-f]+$/, 'must be the hexadecimal digest the import wrote')
    .optional(),
  digest: z.string().regex(/^[0-9a-f]+$/, 'must be the hexadecimal digest the import wrote'),
})

/** An article's front matter. Dates stay strings here: they are read in the site's time zone later. */
export const frontMatterSchema = z.object({
  title: nonEmpty,
  date: z.union([nonEmpty, z.number()]).transform(String),
  updated: z.union([nonEmpty, z.number()]).transform(String).optional(),
  correction: nonEmpty.optional(),
  author: oneOrMany.optional(),
  authors: oneOrMany.optional(),
  locality: nonEmpty,
  category: id.optional(),
  tags: z.union([nonEmpty.transform((tag) => [tag]), z.array(nonEmpty)]).default([]),
  summary: z.string().trim().optional(),
  images: z.array(imageSchema).default([]),
  draft: z.boolean().default(false),
  comments: z.boolean().optional(),
  /** `true` puts the article on the front page's lead and secondary stories (newest featured first). */
  featured: z.boolean().default(false),
  aliases: z.array(z.string().regex(/^\/[^\s]*$/, 'must be a path starting with "/"')).default([]),
  imported: importedSchema.optional(),
})

/** Settings of the site, validated. */
export type SiteConfig = z.infer<typeof siteSchema>
/** A locality as written in the registry. */
export type LocalityEntry = z.infer<typeof localitySchema>
/** An author as written in the registry. */
export type AuthorEntry = z.infer<typeof authorSchema>
/** An approved comment file (Staticman's shape; other keys are ignored). */
export const commentSchema = z.object({
  _id: z.union([nonEmpty, z.number()]),
  _parent: z.union([z.string(), z.number()]).optional(),
  name: nonEmpty,
  message: nonEmpty,
  date: z.union([nonEmpty, z.number()]),
})

/** A category as written in the registry. */
export type CategoryEntry = z.infer<typeof categorySchema>
/** An image as listed in front matter. */
export type ImageEntry = z.infer<typeof imageSchema>
/** Front matter, validated. */
export type FrontMatter = z.infer<typeof frontMatterSchema>

/** Front-matter keys a writer may use. */
export const frontMatterKeys: readonly string[] = Object.keys(frontMatterSchema.shape)

/** A page the newsroom writes (`pages/**\/*.md`: "Giới thiệu", "Liên hệ"…), rendered by Eleventy with the site's layout. */
export const pageSchema = z.object({
  title: nonEmpty,
  /** The page's description for search engines and sharing. */
  description: z.string().trim().optional(),
  /** Whether the footer links the page. @default true */
  footer: z.boolean().default(true),
  /** Place in the footer: lower first, then by title. @default 0 */
  order: z.number().int().default(0),
  /** Where `toasoan import` took the page from (see {@link importedSchema}). */
  imported: importedSchema.optional(),
})

/** A newsroom page's front matter, validated. */
export type PageFrontMatter = z.infer<typeof pageSchema>

/** Front-matter keys a newsroom page may use. */
export const pageKeys: readonly string[] = Object.keys(pageSchema.shape)
