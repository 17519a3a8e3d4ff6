import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { createRandom } from '../corpus/random.ts'

/** The old site's taxonomy the generated export uses, mapped by the bench's map file. */
export const wxrLocalities: Readonly<Record<string, string>> = {
  'tp-thanh-hoa': 'tp-thanh-hoa',
  'sam-son': 'tp-sam-son',
  'dien-bien': 'dien-bien',
  'lam-son': 'lam-son',
  'ba-dinh': 'ba-dinh',
  'dong-tho': 'dong-tho',
}
/** Categories of the generated export, mapped to the content's. */
export const wxrCategories: Readonly<Record<string, string>> = { 'thoi-su': 'thoi-su', 'kinh-te': 'kinh-te', 'van-hoa': 'van-hoa' }
/** Authors of the generated export (login → id). */
export const wxrAuthors: Readonly<Record<string, string>> = { tophuong: 'to-phuong', minhhieu: 'minh-hieu', leha: 'le-ha', hoaithu: 'hoai-thu' }
/** Images in the generated uploads folder, reused by the posts. */
export const wxrImageCount = 24

const words = (
  'công an nhân dân thành phố hội nghị lắng nghe ý kiến đại biểu phường xã huyện tỉnh kinh tế văn hóa ' +
  'giao thông nông thôn đường làng mùa gặt lúa chín bà con học sinh khai giảng năm học mới bệnh viện khám chữa ' +
  'bệnh miễn phí du lịch biển Sầm Sơn lễ hội truyền thống Lam Kinh đầu tư xây dựng cầu sông Mã hạ tầng'
).split(' ')

const cdata = (text: string): string => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`
const pad = (n: number): string => String(n).padStart(2, '0')

/**
 * Writes a WordPress export of `posts` posts as a stream (never the whole file in memory): each
 * post with a featured image, a caption, Vietnamese text with its slug percent-encoded as
 * WordPress keeps it, categories and tags, and three comments (two approved and threaded, one
 * pending) carrying e-mails and IP addresses, as real exports do.
 *
 * @param path Where to write.
 * @param posts How many posts.
 */
export async function writeWxr(path: string, posts: number): Promise<void> {
  const out = createWriteStream(path)
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain')
  }
  const next = createRandom(2026)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
  const sentence = (n: number): string => {
    const text = Array.from({ length: n }, () => pick(words)).join(' ')
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
  }
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Báo cũ</title><link>https://baocu.example</link><language>vi</language><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://baocu.example</wp:base_site_url><wp:base_blog_url>https://baocu.example</wp:base_blog_url>
`)
  for (const login of Object.keys(wxrAuthors)) {
    await write(
      `<wp:author><wp:author_login>${cdata(login)}</wp:author_login><wp:author_email>${cdata(`${login}@baocu.example`)}</wp:author_email><wp:author_display_name>${cdata(login)}</wp:author_display_name></wp:author>\n`
    )
  }
  const start = Date.UTC(2015, 0, 1)
  const step = Math.max(1, Math.floor((Date.UTC(2025, 0, 1) - start) / posts))
  for (let index = 0; index < posts; index++) {
    const id = 10 + index * 2
    const image = `2020/01/anh-${index % wxrImageCount}.jpg`
    const date = new Date(start + index * step)
    const gmt = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:00`
    const title = `${sentence(8).slice(0, -1)} ${index}`
    const slug = encodeURIComponent(title.toLowerCase().replaceAll(' ', '-')).toLowerCase()
    const link = `https://baocu.example/${gmt.slice(0, 4)}/${gmt.slice(5, 7)}/${slug}/`
    const body = [
      `(Baocu) - ${sentence(30)}`,
      `[caption id="attachment_${id + 1}" width="600"]<img src="https://baocu.example/wp-content/uploads/${image.replace('.jpg', '-600x400.jpg')}" alt="${sentence(5)}" width="600" height="400" /> ${sentence(10)}[/caption]`,
      sentence(40),
      `<h2>${sentence(5)}</h2>`,
      `${sentence(25)}\n${sentence(20)}`,
      `<ul><li>${sentence(6)}</li><li>${sentence(6)}</li></ul>`,
      sentence(35),
    ].join('\n\n')
    const comment = (n: number, parent: number, approved: string): string =>
      `<wp:comment><wp:comment_id>${id * 10 + n}</wp:comment_id><wp:comment_author>${cdata(`Bạn đọc ${n}`)}</wp:comment_author><wp:comment_author_email>${cdata(`ban.doc${n}@mail.example`)}</wp:comment_author_email><wp:comment_author_IP>${cdata(`113.160.${n}.${index % 250}`)}</wp:comment_author_IP><wp:comment_date>${cdata(gmt)}</wp:comment_date><wp:comment_date_gmt>${cdata(gmt)}</wp:comment_date_gmt><wp:comment_content>${cdata(sentence(15))}</wp:comment_content><wp:comment_approved>${cdata(approved)}</wp:comment_approved><wp:comment_type>${cdata('comment')}</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>\n`
    const locality = pick(Object.keys(wxrLocalities))
    const category = pick(Object.keys(wxrCategories))
    await write(`<item><title>${cdata(title)}</title><link>${link}</link><pubDate>${date.toUTCString().replace('GMT', '+0000')}</pubDate><dc:creator>${cdata(pick(Object.keys(wxrAuthors)))}</dc:creator><guid isPermaLink="false">https://baocu.example/?p=${id}</guid><description></description>
<content:encoded>${cdata(body)}</content:encoded><excerpt:encoded>${cdata(sentence(20))}</excerpt:encoded>
<wp:post_id>${id}</wp:post_id><wp:post_date>${cdata(gmt)}</wp:post_date><wp:post_date_gmt>${cdata(gmt)}</wp:post_date_gmt><wp:comment_status>open</wp:comment_status><wp:post_name>${cdata(slug)}</wp:post_name><wp:status>${cdata(index % 50 === 49 ? 'draft' : 'publish')}</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>${cdata('post')}</wp:post_type><wp:post_password></wp:post_password><wp:is_sticky>0</wp:is_sticky>
<category domain="category" nicename="${locality}">${cdata(locality)}</category><category domain="category" nicename="${category}">${cdata(category)}</category><category domain="post_tag" nicename="tag-${index % 40}">${cdata(`chủ đề ${index % 40}`)}</category>
<wp:postmeta><wp:meta_key>${cdata('_thumbnail_id')}</wp:meta_key><wp:meta_value>${cdata(String(id + 1))}</wp:meta_value></wp:postmeta>
${comment(1, 0, '1')}${comment(2, id * 10 + 1, '1')}${comment(3, 0, '0')}</item>
<item><title>${cdata(`Ảnh ${index}`)}</title><link>${link}anh-${index}/</link><pubDate>${date.toUTCString().replace('GMT', '+0000')}</pubDate><dc:creator>${cdata('tophuong')}</dc:creator><guid isPermaLink="false">https://baocu.example/wp-content/uploads/${image}</guid><description></description><content:encoded>${cdata('')}</content:encoded><excerpt:encoded>${cdata(sentence(8))}</excerpt:encoded>
<wp:post_id>${id + 1}</wp:post_id><wp:post_date>${cdata(gmt)}</wp:post_date><wp:post_date_gmt>${cdata(gmt)}</wp:post_date_gmt><wp:post_name>${cdata(`anh-${index}`)}</wp:post_name><wp:status>${cdata('inherit')}</wp:status><wp:post_parent>${id}</wp:post_parent><wp:post_type>${cdata('attachment')}</wp:post_type><wp:attachment_url>${cdata(`https://baocu.example/wp-content/uploads/${image}`)}</wp:attachment_url>
<wp:postmeta><wp:meta_key>${cdata('_wp_attachment_image_alt')}</wp:meta_key><wp:meta_value>${cdata(sentence(6))}</wp:meta_value></wp:postmeta></item>
`)
  }
  await write('</channel>\n</rss>\n')
  out.end()
  await once(out, 'finish')
}
