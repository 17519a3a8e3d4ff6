/**
 * Approved reader comments for generated articles, in the shape Staticman commits them
 * (`comments/YYYY/MM/<slug>/<id>.yml`), and the categories registry. Pure: the same random
 * source gives the same comments.
 */
import { stringify } from 'yaml'
import type { CorpusArticle } from './article.ts'
import { pick, randomInt, type Random } from './random.ts'
import type { CategoryId } from './vocabulary.ts'

/** Share of articles that get comments. */
const COMMENTED_SHARE = 0.05

const FAMILY_NAMES = ['Nguyễn', 'Lê', 'Trần', 'Phạm', 'Hoàng', 'Đỗ', 'Lò', 'Hà', 'Mai', 'Trịnh'] as const
const GIVEN_NAMES = ['Văn Hải', 'Thị Thu', 'Minh Tuấn', 'Thị Hằng', 'Đức Long', 'Thanh Bình', 'Ngọc Ánh', 'Quốc Việt', 'Thị Nụ', 'Văn Cường'] as const
const OPENINGS = [
  'Bài viết rất thiết thực.',
  'Cảm ơn phóng viên đã phản ánh kịp thời.',
  'Tôi ở gần đó, xác nhận thông tin là đúng.',
  'Mong chính quyền địa phương sớm vào cuộc.',
  'Đọc xong thấy phấn khởi.',
] as const
const FOLLOW_UPS = [
  'Đề nghị báo tiếp tục theo dõi vụ việc.',
  'Đường vào thôn tôi cũng đang cần sửa như vậy.',
  'Hy vọng mô hình này được nhân rộng ra các xã bạn.',
  'Xin hỏi bao giờ thì dự án hoàn thành?',
  '',
] as const

/** The six sections and their names, as `categories.yml`. */
export function renderCategoriesFile(): string {
  const names: Record<CategoryId, string> = {
    'thoi-su': 'Thời sự',
    'kinh-te': 'Kinh tế',
    'van-hoa': 'Văn hóa',
    'xa-hoi': 'Xã hội',
    'an-ninh-trat-tu': 'An ninh - Trật tự',
    'du-lich': 'Du lịch',
  }
  return stringify(Object.entries(names).map(([id, name]) => ({ id, name })))
}

/** One comment file: where it goes and what it says. */
export interface CorpusComment {
  /** Relative to the output folder: `comments/YYYY/MM/<slug>/<id>.yml`. */
  path: string
  text: string
}

/**
 * Comments on one article: about one article in twenty gets one to three, posted in the days after
 * it (the second may answer the first).
 *
 * @param article The generated article.
 * @param rand A random source dedicated to this article's comments.
 */
export function makeComments(article: CorpusArticle, rand: Random): CorpusComment[] {
  if (rand() >= COMMENTED_SHARE) return []
  const folder = article.path.replace(/^articles\//, 'comments/').replace(/\.md$/, '')
  const [day = '', time = ''] = article.frontMatter.date.split(' ')
  const published = Date.parse(`${day}T${time}:00Z`)
  const count = randomInt(rand, 1, 3)
  const comments: CorpusComment[] = []
  let at = published
  for (let index = 0; index < count; index++) {
    at += randomInt(rand, 20, 60 * 30) * 60_000
    const id = `c${article.index.toString(36)}-${index}`
    const follow = pick(rand, FOLLOW_UPS)
    const entry: Record<string, string> = {
      _id: id,
      name: `${pick(rand, FAMILY_NAMES)} ${pick(rand, GIVEN_NAMES)}`,
      message: follow === '' ? pick(rand, OPENINGS) : `${pick(rand, OPENINGS)}\n${follow}`,
      // Written in the paper's local time, like the articles (wall-clock arithmetic: no DST there).
      date: new Date(at).toISOString().slice(0, 16).replace('T', ' '),
    }
    if (index === 1 && rand() < 0.5) entry['_parent'] = `c${article.index.toString(36)}-0`
    comments.push({ path: `${folder}/${id}.yml`, text: stringify(entry) })
  }
  return comments
}
