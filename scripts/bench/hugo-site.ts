/**
 * Whether a Hugo version is at least another (`0.111.3` vs `[0, 128]`).
 *
 * @param version Hugo's version.
 * @param minimum The version to compare with, as numbers.
 */
export function hugoAtLeast(version: string, minimum: readonly number[]): boolean {
  const parts = version.split('.').map(Number)
  for (const [index, wanted] of minimum.entries()) {
    const part = parts[index] ?? 0
    if (part !== wanted) return part > wanted
  }
  return true
}

const baseof = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }} | {{ .Site.Title }}</title></head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a> · <a href="{{ "/locality/" | relURL }}">Địa phương</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
`

const single = `{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "02/01/2006 15:04" }}</time>
{{ range .GetTerms "locality" }} · <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
{{ .Content }}
</article>
{{ with first 5 (.Site.RegularPages.Related .) }}
<h2>Tin liên quan</h2>
<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
{{ end }}
`

const pager = `{{ with .Paginator }}<nav>{{ with .Prev }}<a href="{{ .URL }}">Mới hơn</a>{{ end }} {{ with .Next }}<a href="{{ .URL }}">Cũ hơn</a>{{ end }}</nav>{{ end }}`

const list = `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range (.Paginate .Pages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "02/01/2006" }}</time><p>{{ .Summary }}</p></li>{{ end }}</ul>
${pager}
{{ end }}
`

const terms = `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
`

// Every regular page is an article; filtering with where here would run again on each of the
// home page's pages (11 s of 80 at 10,000 articles with Hugo 0.111).
const home = `{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<ul>{{ range (.Paginate .Site.RegularPages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "02/01/2006" }}</time><p>{{ .Summary }}</p></li>{{ end }}</ul>
${pager}
{{ end }}
`

/**
 * The files of a plain Hugo site over the corpus's Markdown (which goes in `content/articles/`):
 * a locality taxonomy (and tags), 20 articles a page, and related articles by locality and tags.
 *
 * @param version Hugo's version: pagination moved from `paginate` to `[pagination]` in 0.128.
 */
export function hugoSiteFiles(version: string): Record<string, string> {
  const pagination = hugoAtLeast(version, [0, 128]) ? '[pagination]\n  pagerSize = 20\n' : 'paginate = 20\n'
  const config = `baseURL = "https://corpus.example/"
languageCode = "vi"
title = "Tin Xứ Thanh (corpus)"
timeZone = "Asia/Ho_Chi_Minh"
${pagination}
[taxonomies]
  locality = "locality"
  tag = "tags"

[related]
  threshold = 80
  includeNewer = false
  toLower = false
  [[related.indices]]
    name = "locality"
    weight = 100
  [[related.indices]]
    name = "tags"
    weight = 80
  [[related.indices]]
    name = "date"
    weight = 10
`
  return {
    'hugo.toml': config,
    'layouts/_default/baseof.html': baseof,
    'layouts/_default/single.html': single,
    'layouts/_default/list.html': list,
    'layouts/_default/terms.html': terms,
    'layouts/index.html': home,
  }
}

/**
 * An article as Hugo can read it: Hugo ignores a `date` that is not ISO 8601 (every page would
 * be dated 0001-01-01), so `date: "2025-12-27 09:47"` becomes `date: "2025-12-27T09:47:00+07:00"`
 * (articles are written in Hà Nội time). Nothing else changes.
 *
 * @param text The article file's text.
 */
export function hugoArticleText(text: string): string {
  return text.replace(/^date: "?(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})"?$/m, 'date: "$1T$2:00+07:00"')
}
