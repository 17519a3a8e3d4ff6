import { articlePaths, type ArticlePaths } from '../../src/most-read/article-paths.ts'

/** A small site as the most-read counter sees it: three articles in two places and one category. */
export function smallSite(baseUrl = 'https://tinxuthanh.example'): ArticlePaths {
  const article = (url: string, published: number, locality: string, category?: string, aliases: string[] = []) => ({
    url,
    title: `Bài ${url}`,
    published,
    locality,
    aliases,
    ...(category === undefined ? {} : { category }),
  })
  return articlePaths({
    site: { baseUrl } as Parameters<typeof articlePaths>[0]['site'],
    articles: [
      article('/2024/05/ba/', 3, 'dien-bien'),
      article('/2020/03/hai/', 2, 'hoang-hoa', 'thoi-su'),
      article('/2019/10/mot/', 1, 'dien-bien', 'thoi-su', ['/tin-cu/mot-108456.htm', '/bài-cũ/một/']),
    ] as unknown as Parameters<typeof articlePaths>[0]['articles'],
    localities: {
      'dien-bien': { district: 'tp-thanh-hoa' },
      'hoang-hoa': { district: 'hoang-hoa' },
    } as unknown as Parameters<typeof articlePaths>[0]['localities'],
  })
}
