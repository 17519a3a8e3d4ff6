const config = `// A plain Eleventy site over the corpus's Markdown: Eleventy's defaults (markdown-it, Liquid
// preprocessing), a layout, a paginated index and paginated locality pages.
export default function (eleventyConfig) {
  // Articles write dates as "YYYY-MM-DD HH:mm" in Hà Nội time, which Luxon's ISO parser refuses.
  eleventyConfig.addDateParsing((value) =>
    typeof value === 'string' && /^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$/.test(value) ? new Date(value.replace(' ', 'T') + ':00+07:00') : undefined
  )
  eleventyConfig.addPassthroughCopy({ 'src/media': 'media' })
  eleventyConfig.addFilter('isoDate', (date) => date.toISOString())
  eleventyConfig.addCollection('articles', (api) => api.getFilteredByGlob('./src/articles/**/*.md').sort((a, b) => b.date - a.date))
  eleventyConfig.addCollection('localityPages', (api) => {
    const byLocality = new Map()
    for (const article of api.getFilteredByGlob('./src/articles/**/*.md').sort((a, b) => b.date - a.date)) {
      const id = article.data.locality
      if (!byLocality.has(id)) byLocality.set(id, [])
      byLocality.get(id).push(article)
    }
    const pages = []
    for (const [locality, articles] of byLocality) {
      for (let start = 0; start < articles.length; start += 20) pages.push({ locality, page: start / 20 + 1, items: articles.slice(start, start + 20) })
    }
    return pages
  })
}

export const config = { dir: { input: 'src', output: '_site' } }
`

const base = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ title }}</title></head>
<body>
<header><a href="/">Tin Xứ Thanh (corpus)</a></header>
<main>{{ content | safe }}</main>
</body>
</html>
`

const article = `---
layout: base.njk
---
<article>
<h1>{{ title }}</h1>
<p><time datetime="{{ page.date | isoDate }}">{{ date }}</time> · <a href="/locality/{{ locality }}/">{{ locality }}</a></p>
{{ content | safe }}
</article>
`

const index = `---
pagination:
  data: collections.articles
  size: 20
permalink: "/{% if pagination.pageNumber > 0 %}page/{{ pagination.pageNumber + 1 }}/{% endif %}"
layout: base.njk
title: Tin Xứ Thanh (corpus)
eleventyExcludeFromCollections: true
---
<ul>{% for item in pagination.items %}<li><a href="{{ item.url }}">{{ item.data.title }}</a> <time>{{ item.date | isoDate }}</time><p>{{ item.data.summary }}</p></li>{% endfor %}</ul>
<nav>{% if pagination.href.previous %}<a href="{{ pagination.href.previous }}">Mới hơn</a>{% endif %} {% if pagination.href.next %}<a href="{{ pagination.href.next }}">Cũ hơn</a>{% endif %}</nav>
`

const localities = `---
pagination:
  data: collections.localityPages
  size: 1
  alias: chunk
permalink: "/locality/{{ chunk.locality }}/{% if chunk.page > 1 %}page/{{ chunk.page }}/{% endif %}"
layout: base.njk
eleventyComputed:
  title: "{{ chunk.locality }}"
eleventyExcludeFromCollections: true
---
<h1>{{ chunk.locality }}</h1>
<ul>{% for item in chunk.items %}<li><a href="{{ item.url }}">{{ item.data.title }}</a> <time>{{ item.date | isoDate }}</time></li>{% endfor %}</ul>
`

/**
 * The files of a plain Eleventy project over the corpus's Markdown (which goes in
 * `src/articles/`, its media in `src/media/`): the config, a base layout, an article layout
 * applied by a directory data file, a home page paginated 20 articles at a time, and locality
 * pages paginated the same way.
 */
export function eleventySiteFiles(): Record<string, string> {
  return {
    'eleventy.config.mjs': config,
    'src/_includes/base.njk': base,
    'src/_includes/article.njk': article,
    'src/index.njk': index,
    'src/localities.njk': localities,
    'src/articles/articles.11tydata.json': '{ "layout": "article.njk" }\n',
  }
}
