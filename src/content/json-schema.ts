import { z } from 'zod'
import type { Registries } from './registries.ts'
import { authorSchema, categorySchema, frontMatterSchema, localitySchema, siteSchema } from './schema.ts'

/** A JSON Schema document, as plain JSON. */
export type JsonSchema = { [key: string]: unknown }

/**
 * What each field means, shown by editors on hover and completion. Kept here rather than as
 * `.describe()` in schema.ts so the content model stays one line a field; a field without an
 * entry simply has no description.
 */
export const fieldDescriptions = {
  frontMatter: {
    title: 'Tiêu đề bài viết.',
    date: 'Ngày giờ đăng, YYYY-MM-DD HH:mm theo múi giờ của báo (vd. 2019-10-24 09:15), hoặc có độ lệch: 2019-10-24T09:15:00+07:00. Đường dẫn /YYYY/MM/<tên tệp>/ theo ngày này.',
    updated: 'Ngày giờ cập nhật, cùng cách viết như date.',
    correction: 'Ghi chú đính chính, hiện cùng ngày cập nhật.',
    author: 'Một tác giả (id trong authors.yml); nên dùng authors.',
    authors: 'Các tác giả theo thứ tự trên dòng ký tên: id trong authors.yml.',
    locality: 'Địa phương: id trong localities.yml.',
    category: 'Chuyên mục: id trong categories.yml.',
    tags: 'Từ khóa, một chữ hoặc một danh sách.',
    summary: 'Sapo: hai, ba câu tóm tắt bài, hiện dưới tiêu đề và trong danh sách bài.',
    images: 'Ảnh của bài; ảnh đầu tiên là ảnh chính. Các ảnh khác đặt vào thân bài bằng ![](tên-tệp).',
    draft: 'true: bản nháp, không đăng (trừ khi build --drafts). Xóa dòng này khi bài đã xong.',
    comments: 'false: tắt bình luận cho bài này.',
    featured: 'true: bài nổi bật trên trang chủ (bài nổi bật mới nhất là tin chính, các bài sau vào lưới tin bên dưới).',
    aliases: 'Đường dẫn cũ của bài (bắt đầu bằng /) được chuyển hướng về đây.',
    imported: 'Do toasoan import ghi: nguồn (wordpress, html), mã bài ở nguồn và mã băm nội dung lúc nhập. Lần nhập sau chỉ ghi đè khi tệp chưa bị sửa.',
  },
  image: {
    src: 'Tên tệp ảnh, đặt cạnh bài viết hoặc trong content/media/.',
    alt: 'Mô tả ảnh cho người không xem được ảnh.',
    caption: 'Chú thích ảnh.',
    credit: 'Tác giả ảnh.',
  },
  site: {
    title: 'Tên tờ báo.',
    description: 'Mô tả ngắn của trang.',
    baseUrl: 'Địa chỉ trang (http hoặc https), vd. https://baothanhhoa.example.vn.',
    language: 'Mã ngôn ngữ, mặc định vi.',
    timeZone: 'Múi giờ IANA dùng để đọc ngày trong bài, mặc định Asia/Ho_Chi_Minh.',
    publisher:
      'Cơ quan chủ quản: name (tên), logo (ảnh trong thư mục nội dung như media/logo.png, hoặc địa chỉ https), sameAs (các trang của báo trên mạng xã hội).',
    icon: 'Biểu tượng trang: ảnh vuông trong thư mục nội dung (vd. media/bieu-tuong.png), ít nhất 192 px.',
    twitter: 'Tài khoản X (Twitter) của báo, vd. @baotinxuthanh.',
    embedHosts: 'Các tên miền được nhúng <iframe> trong thân bài.',
    pageSize: 'Số bài trên trang đầu của mỗi danh sách.',
    comments: 'Bình luận của bạn đọc: enabled và endpoint (https).',
    maxImageMegapixels: 'Ảnh lớn nhất được nhận, tính bằng megapixel.',
    searchBundleSize: 'Số bài trong mỗi gói chỉ mục tìm kiếm.',
    cms: 'Trình soạn thảo trên web (/admin/): repo (owner/name trên GitHub), branch, baseUrl (máy chủ đăng nhập OAuth), localBackend (decap-server trên máy).',
  },
  locality: {
    id: 'Mã địa phương: chữ thường, số và gạch nối, vd. tp-thanh-hoa.',
    name: 'Tên hiển thị, vd. TP. Thanh Hóa.',
    kind: 'Cấp hành chính.',
    parent: 'Mã của địa phương cấp trên.',
  },
  author: {
    id: 'Mã tác giả: chữ thường, số và gạch nối, vd. to-phuong.',
    name: 'Tên trên dòng ký tên.',
    bio: 'Vài dòng giới thiệu.',
    url: 'Trang riêng của tác giả.',
  },
  category: {
    id: 'Mã chuyên mục: chữ thường, số và gạch nối, vd. thoi-su.',
    name: 'Tên chuyên mục.',
  },
} satisfies {
  frontMatter: { [Key in keyof typeof frontMatterSchema.shape]?: string }
  image: Record<string, string>
  site: { [Key in keyof typeof siteSchema.shape]?: string }
  locality: { [Key in keyof typeof localitySchema.shape]?: string }
  author: { [Key in keyof typeof authorSchema.shape]?: string }
  category: { [Key in keyof typeof categorySchema.shape]?: string }
}

/** The files {@link contentJsonSchemas} makes, by name. */
export type SchemaFileName = 'front-matter.schema.json' | 'site.schema.json' | 'localities.schema.json' | 'authors.schema.json' | 'categories.schema.json'

/**
 * JSON Schema documents (draft 7, which every YAML language server reads) for front matter and
 * each registry, generated from the zod schemas as writers write them (before defaults and
 * transforms). Front matter lists the folder's locality, author and category ids as enums, with
 * their display names, so an editor completes them.
 *
 * @param registries The content folder's registries.
 * @returns Each document by file name.
 */
export function contentJsonSchemas(registries: Registries): Record<SchemaFileName, JsonSchema> {
  const list = (schema: z.ZodType, title: string, descriptions: Record<string, string>): JsonSchema => ({
    ...toJson(z.array(schema), title),
    items: describe(toJson(schema, title), descriptions),
  })
  return {
    'front-matter.schema.json': frontMatterJsonSchema(registries),
    'site.schema.json': describe(toJson(siteSchema, 'site.yml'), fieldDescriptions.site),
    'localities.schema.json': list(localitySchema, 'localities.yml', fieldDescriptions.locality),
    'authors.schema.json': list(authorSchema, 'authors.yml', fieldDescriptions.author),
    'categories.schema.json': list(categorySchema, 'categories.yml', fieldDescriptions.category),
  }
}

/**
 * The schema of an article's front matter, with the registries' ids as enums.
 *
 * @param registries The content folder's registries.
 */
export function frontMatterJsonSchema(registries: Registries): JsonSchema {
  const schema = describe(toJson(frontMatterSchema, 'Front matter of an article'), fieldDescriptions.frontMatter)
  const properties = schema['properties'] as Record<string, JsonSchema>
  const images = properties['images']
  if (images) images['items'] = describe(images['items'] as JsonSchema, fieldDescriptions.image)
  const locality = idEnum(registries.localities)
  const author = idEnum(registries.authors)
  properties['locality'] = { ...properties['locality'], ...locality }
  for (const key of ['author', 'authors']) {
    properties[key] = { description: properties[key]?.['description'], anyOf: [author, { type: 'array', minItems: 1, items: author }] }
  }
  if (registries.categories) properties['category'] = { ...properties['category'], ...idEnum(registries.categories) }
  // Unknown keys are ignored by the build (rule unknown-key): the editor underlines them at once.
  schema['additionalProperties'] = false
  // `authors` (or the older `author`) is required, which zod cannot say of two optional keys.
  schema['anyOf'] = [{ required: ['authors'] }, { required: ['author'] }]
  return schema
}

function toJson(schema: z.ZodType, title: string): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-7' }) as JsonSchema
  return { $schema: json['$schema'], title, ...json }
}

function describe(schema: JsonSchema, descriptions: Record<string, string>): JsonSchema {
  const properties = schema['properties'] as Record<string, JsonSchema> | undefined
  for (const [key, description] of Object.entries(descriptions)) {
    const property = properties?.[key]
    if (property) properties[key] = { description, ...property }
  }
  return schema
}

function idEnum(entries: ReadonlyArray<{ id: string; name: string }>): JsonSchema {
  return { type: 'string', enum: entries.map((entry) => entry.id), enumDescriptions: entries.map((entry) => entry.name) }
}
