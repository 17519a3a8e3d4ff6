/**
 * The catalogue of content problems. A rule id never changes once published: writers and CI
 * logs refer to it. Each rule says what went wrong (`message`), and what to do (`hint`).
 */

/** How bad a problem is: errors fail `build` and `check`, warnings are only printed. */
export type Severity = 'error' | 'warning'

/** One entry of the catalogue. */
export interface Rule<Args> {
  /** Whether the problem fails the build. */
  severity: Severity
  /** What went wrong, for the given details. */
  message: (args: Args) => string
  /** What the writer should do about it. */
  hint: string
  /** When it is reported, for the rules table of docs/command-line.md (`npm run docs`). */
  when: string
}

function rule<Args>(severity: Severity, message: (args: Args) => string, hint: string, when: string): Rule<Args> {
  return { severity, message, hint, when }
}

/** Appends ` Did you mean "x"?` when there is a near miss. */
export function withSuggestion(text: string, suggestion: string | undefined): string {
  return suggestion === undefined ? text : `${text} Did you mean "${suggestion}"?`
}

/** Every rule, by stable id. */
export const rules = {
  'yaml-syntax': rule<{ reason: string }>(
    'error',
    ({ reason }) => `Invalid YAML: ${reason}`,
    'Check the indentation, close every [ and {, and quote values that contain ": " or " #".',
    "the front matter or a registry is not valid YAML (at the parser's line and column; a `[` or `{` never closed, at the line that opens it)"
  ),
  'missing-front-matter': rule<Record<string, never>>(
    'error',
    () => 'The article has no front matter.',
    'Start the file with a line "---", the fields (title, date, authors, locality…), and a closing "---".',
    'the article (or newsroom page) does not start with `---`'
  ),
  'missing-field': rule<{ field: string }>(
    'error',
    ({ field }) => `Missing required field "${field}".`,
    'Add the field; see "Content format" in docs/writers.md for what each file needs.',
    'a required field (`title`, `date`, `locality`, `authors`, `images[].src`…; in site.yml `publisher.name` and `publisher.logo`) is absent'
  ),
  'invalid-field': rule<{ field: string; reason: string }>(
    'error',
    ({ field, reason }) => `Invalid value for "${field}": ${reason}.`,
    'Fix the value; see "Content format" in docs/writers.md for the expected shape.',
    'a field has the wrong type or shape (e.g. `draft: "có"`)'
  ),
  'unknown-key': rule<{ key: string; suggestion: string | undefined }>(
    'warning',
    ({ key, suggestion }) => withSuggestion(`Unknown front-matter key "${key}" is ignored.`, suggestion),
    'Remove the key or correct its spelling; unknown keys never reach the page.',
    'a front-matter key the format does not know, with "did you mean" for near misses (`localty`)'
  ),
  'unknown-locality': rule<{ id: string; suggestion: string | undefined }>(
    'error',
    ({ id, suggestion }) => withSuggestion(`Unknown locality "${id}".`, suggestion),
    'Use an id from localities.yml, or add the locality there first.',
    'a `locality` id not in `localities.yml`, with "did you mean" (display names and the end of an id match too: `sam-son` → `tp-sam-son`)'
  ),
  'unknown-author': rule<{ id: string; suggestion: string | undefined }>(
    'error',
    ({ id, suggestion }) => withSuggestion(`Unknown author "${id}".`, suggestion),
    'Use an id from authors.yml, or add the author there first.',
    'an author id not in `authors.yml`, with "did you mean" (a display name matches too: `Lê Hà` → `le-ha`)'
  ),
  'invalid-date': rule<{ field: string; value: string; reason: string }>(
    'error',
    ({ field, value, reason }) => `Invalid date in "${field}": "${value}" (${reason}).`,
    'Write dates as YYYY-MM-DD HH:mm in the site time zone, e.g. 2019-10-24 09:15, or with an offset: 2019-10-24T09:15:00+07:00.',
    'a date that is malformed or does not exist (`2019-02-30`)'
  ),
  'missing-image': rule<{ src: string }>(
    'error',
    ({ src }) => `Image "${src}" does not exist.`,
    'Put the file beside the article or in content/media/, or correct the file name (names are case-sensitive).',
    "an image listed in `images` (or site.yml's `icon` or `publisher.logo`) does not exist"
  ),
  'image-outside-content': rule<{ src: string; linked?: boolean }>(
    'error',
    ({ src, linked }) =>
      linked
        ? `Image "${src}" is a symbolic link (or in a linked folder) that leads outside the content folder.`
        : `Image "${src}" is outside the content folder.`,
    'Images must live in the content folder: beside the article or in content/media/. A file reached through a symbolic link that leads out of it is refused (the site would publish whatever it points to): copy the file into the content folder instead of linking to it.',
    'a listed image is outside the content folder, by its path or through a symbolic link (to the file or a folder on its way) that leads out of it; a link that stays inside works'
  ),
  'file-outside-content': rule<{ file: string; target: string }>(
    'error',
    ({ file, target }) => `"${file}" is a symbolic link (or in a linked folder) that leads outside the content folder, to ${target}; it is not read.`,
    'Articles, newsroom pages and comments must live in the content folder. A file reached through a symbolic link that leads out of it is refused (the site would publish whatever it points to): copy the file into the content folder instead of linking it.',
    'an article, newsroom page or comment file is a symbolic link (or in a linked folder) that leads outside the content folder (at the top of the link, naming where it leads); it is never read; a link that stays inside works'
  ),
  'unreadable-image': rule<{ src: string }>(
    'error',
    ({ src }) => `Image "${src}" cannot be read as an image.`,
    'Export the picture again as JPEG, PNG, WebP or AVIF; the file may be damaged or not an image.',
    'a listed image is not an image its bytes can be read as'
  ),
  'unplaced-image': rule<{ src: string }>(
    'warning',
    ({ src }) => `Image "${src}" is listed but not placed in the body, so readers never see it.`,
    'Place it in the body as a paragraph holding only ![](file-name), or remove it from "images". Only the first (lead) image shows without being placed.',
    'a listed image other than the lead is never placed in the body'
  ),
  'image-too-large': rule<{ src: string; limit: number }>(
    'error',
    ({ src, limit }) => `Image "${src}" is larger than ${limit} megapixels.`,
    'Export a smaller copy (a news photo needs at most about 2400 px on its long side), or raise maxImageMegapixels in site.yml.',
    'a listed image has more pixels than `maxImageMegapixels` in site.yml (40 by default)'
  ),
  'unlisted-image': rule<{ src: string; suggestion: string | undefined }>(
    'error',
    ({ src, suggestion }) => withSuggestion(`Image "${src}" is placed in the body but not listed in "images".`, suggestion),
    'Add it to "images" in the front matter with its alt text and caption, or correct the file name.',
    'the body places an image that `images` does not list (at its line in the body)'
  ),
  'empty-body': rule<Record<string, never>>(
    'error',
    () => 'The article has no body text.',
    'Write the article below the closing "---" of the front matter.',
    'nothing below the front matter'
  ),
  'duplicate-url': rule<{ url: string; other: string }>(
    'error',
    ({ url, other }) => `Two articles have the URL ${url}: this one and ${other}.`,
    'Rename one file: the URL is /YYYY/MM/<file name>/ from the date and the file name.',
    'two articles resolve to the same `/YYYY/MM/<slug>/`'
  ),
  'folder-date-mismatch': rule<{ folder: string; expected: string }>(
    'warning',
    ({ folder, expected }) => `The article is filed under ${folder}/ but its date puts it in ${expected}/.`,
    'Move the file to the folder of its date; the URL always follows the date.',
    "the file's `articles/YYYY/MM/` folder disagrees with its date (the URL follows the date)"
  ),
  'missing-alt': rule<{ src: string }>(
    'warning',
    ({ src }) => `Image "${src}" has no alt text.`,
    'Describe the image in "alt" for readers who cannot see it.',
    'an image has no `alt` text'
  ),
  'embed-not-allowed': rule<{ host: string }>(
    'warning',
    ({ host }) => `Embedded content from "${host}" is not allowed and was removed.`,
    'Only hosts listed in embedHosts in site.yml may be embedded.',
    'an `<iframe>` from a host not in `embedHosts`; it is removed'
  ),
  'alias-collision': rule<{ alias: string; other: string }>(
    'error',
    ({ alias, other }) => `Alias "${alias}" is the address of ${other}, so it cannot redirect here.`,
    'An alias is an old address that no longer has a page; remove it or correct it.',
    'an alias that is the address of a file the build writes or of another alias (at the alias): a page, a numbered page (`…/trang/<n>/`), a feed, a sitemap, `robots.txt`, `opensearch.xml`, `404.html`, `_headers`, `_redirects`, anything under `/assets/`, `/media/`, `/pagefind/`, `/sitemaps/`, `/tin-moi/`, or a path under such a file'
  ),
  'invalid-alias': rule<{ alias: string; reason: string }>(
    'error',
    ({ alias, reason }) => `Alias "${alias}" ${reason}.`,
    'An alias is an old address of this site: a path starting with a single "/", e.g. /tin-cu/bai-viet.html, without "." or ".." segments, with %XX escapes only for whole UTF-8 characters.',
    'an alias that cannot be a path inside the output folder: a `.` or `..` segment (also written `%2e%2e`), a malformed `%` escape (`%E0%A4%A`; a literal `%` is `%25`), `\\`, an encoded `/`, a control character, or a leading `//`'
  ),
  'unknown-category': rule<{ id: string; suggestion: string | undefined }>(
    'error',
    ({ id, suggestion }) => withSuggestion(`Unknown category "${id}".`, suggestion),
    'Use an id from categories.yml, or add the category there first.',
    'a category not in `categories.yml` (when the file exists), with "did you mean"'
  ),
  'unknown-article': rule<{ id: string; suggestion: string | undefined }>(
    'error',
    ({ id, suggestion }) => withSuggestion(`Comment for unknown article "${id}".`, suggestion),
    'Comments live in comments/<YYYY>/<MM>/<slug>/ after the article they belong to; move the file or correct the folder.',
    'a comment in a folder that is no article'
  ),
  'unknown-parent-comment': rule<{ id: string; suggestion: string | undefined }>(
    'error',
    ({ id, suggestion }) => withSuggestion(`Reply to unknown comment "${id}".`, suggestion),
    '"_parent" must be the "_id" of another approved comment of the same article.',
    'a reply to a comment that does not exist'
  ),
  'invalid-endpoint': rule<{ url: string }>(
    'error',
    ({ url }) => `Comment endpoint "${url}" must be an https URL.`,
    'Use the https address of your Staticman, Formspree or Basin endpoint (http is allowed only for 127.0.0.1 and localhost, for testing).',
    '`comments.endpoint` is not https (127.0.0.1 and localhost excepted)'
  ),
  'duplicate-id': rule<{ id: string }>(
    'error',
    ({ id }) => `Duplicate id "${id}".`,
    'Every id in a registry must be unique.',
    'two entries of a registry with the same id'
  ),
  'unknown-parent': rule<{ id: string; suggestion: string | undefined }>(
    'error',
    ({ id, suggestion }) => withSuggestion(`Unknown parent locality "${id}".`, suggestion),
    'The parent must be the id of another locality in localities.yml.',
    'a locality whose `parent` is not in `localities.yml`, with "did you mean"'
  ),
  'locality-cycle': rule<{ id: string }>(
    'error',
    ({ id }) => `Locality "${id}" is its own ancestor.`,
    'Localities form a tree: follow the "parent" links and break the loop.',
    'a locality that is its own ancestor'
  ),
  'invalid-encoding': rule<{ byte: string }>(
    'error',
    ({ byte }) => `The file is not valid UTF-8: byte ${byte} here does not start or continue a character.`,
    'Save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8); text typed in an older Vietnamese encoding (TCVN3, VNI, Windows-1258) must be converted first.',
    'a file (article, registry, comment) that is not UTF-8, at the first bad byte'
  ),
  'control-character': rule<{ code: string }>(
    'error',
    ({ code }) => `Invisible control character ${code} in the text.`,
    'Delete it (it usually comes from copying out of a PDF or an old system); pages and feeds cannot carry it.',
    'an invisible control character (NUL, U+0001…U+001F but tab and line ends, U+FFFE/U+FFFF), written as such or as a YAML escape (`"\\0"`), at its line and column (the escape\'s, in a value folded over several lines)'
  ),
  'body-too-large': rule<{ what: string; limit: string }>(
    'error',
    ({ what, limit }) => `The body has ${what}, more than the limit of ${limit}.`,
    'Split the article, or publish long lists and tables as an attached document; see "Limits" in docs/command-line.md.',
    'a body over the size, line or list-item limits (see Limits), where the limit is passed'
  ),
  'body-too-deep': rule<{ what: string; limit: number }>(
    'error',
    ({ what, limit }) => `The body nests ${what} more than ${limit} levels deep here.`,
    'Flatten the structure: no article needs that many quotes, lists, HTML elements or brackets inside each other; see "Limits" in docs/command-line.md.',
    'quotes and lists, HTML elements, `[` brackets or emphasis markers nested past the limits'
  ),
  'yaml-aliases': rule<{ limit: number }>(
    'error',
    ({ limit }) => `YAML aliases (*name) here expand to more than ${limit} copies.`,
    'Write the values out instead of repeating an anchor (&name) through aliases.',
    'YAML aliases (`*name`) expanding to more than 100 copies ("billion laughs"), at the first alias'
  ),
  'yaml-too-deep': rule<{ limit: number }>(
    'error',
    ({ limit }) => `The YAML nests lists and mappings more than ${limit} levels deep here.`,
    'Flatten the structure; see "Content format" in docs/writers.md for the shape each file needs.',
    'YAML lists and mappings nested more than 32 levels'
  ),
  'empty-slug': rule<{ name: string }>(
    'error',
    ({ name }) => `The file name "${name}" has no letter or digit to make the article's URL from.`,
    'Rename the file after the article, e.g. hoi-nghi-lang-nghe.md: the URL is /YYYY/MM/<file name>/.',
    'a file name with no letter or digit to make a URL from (`---.md`, `!!!.md`)'
  ),
  'page-collision': rule<{ url: string; other: string }>(
    'error',
    ({ url, other }) => `This page's address ${url} is ${other}.`,
    'A page under pages/ is published at its path (pages/lien-he.md → /lien-he/); rename or move the file so the address is free.',
    'a newsroom page (`pages/**/*.md`) whose address is taken by another file the build writes, or lies in a year folder of the archive (at the top of the file)'
  ),
  'comment-cycle': rule<{ id: string; through: string }>(
    'error',
    ({ id, through }) => (through === id ? `Comment "${id}" is a reply to itself.` : `Comment "${id}" is a reply to itself through "${through}".`),
    '"_parent" must point to an earlier comment; follow the "_parent" links and break the loop.',
    'a comment that replies to itself, directly or through others'
  ),
  'date-out-of-range': rule<{ field: string; value: string; range: string }>(
    'error',
    ({ field, value, range }) => `The date in "${field}" (${value}) is outside ${range}.`,
    'Check the year (a typo such as 0219 or 9019?); a Unix time must be in seconds or milliseconds. See "Limits" in docs/command-line.md.',
    'a date (article, update, comment, Unix time) outside the years 1800–2199'
  ),
  'unsupported-image': rule<{ src: string }>(
    'error',
    ({ src }) => `Image "${src}" is not a photo format the site publishes (SVG, PDF and other documents are refused).`,
    'Export it as JPEG, PNG, WebP or AVIF. SVG is refused because it can carry scripts that would run on the site.',
    'a listed image that is SVG, PDF or another non-photo format (sniffed from the bytes, not the name)'
  ),
  'missing-file': rule<{ name: string }>(
    'error',
    ({ name }) => `Missing ${name}.`,
    'Every content folder needs site.yml, localities.yml and authors.yml; see "Content format" in docs/writers.md.',
    'the content folder lacks `site.yml`, `localities.yml` or `authors.yml`'
  ),
  'placeholder-text': rule<{ text: string }>(
    'warning',
    ({ text }) => `Placeholder text "${text}" is still in the article.`,
    'Replace it with the article\'s own text, then remove "draft: true" so the article is published.',
    'the lead or body that `toasoan new` writes is still there (at the placeholder): replace it, then remove `draft: true`'
  ),
  'cms-git-gateway': rule<Record<string, never>>(
    'warning',
    () => 'The web editor signs in through Netlify Identity (cms.backend: git-gateway), which Netlify has deprecated.',
    'Remove cms.backend to sign in with GitHub through the OAuth helper; see "The web editor" in docs/web-editor.md.',
    "site.yml's `cms.backend` is `git-gateway`, whose sign-in (Netlify Identity) Netlify has deprecated"
  ),
} as const

/** A rule id. */
export type RuleId = keyof typeof rules

/** The details a rule's message needs. */
export type RuleArgs<Id extends RuleId> = Parameters<(typeof rules)[Id]['message']>[0]
