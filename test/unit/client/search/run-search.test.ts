import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { PagefindResult, PagefindResultData } from '../../../../templates/client/search/pagefind-api.ts'
import { compareRanks, nextResults, prefetchFragments, rankOf, type SearchRequest } from '../../../../templates/client/search/run-search.ts'

const test = suite('run-search')

/** A hit as Pagefind gives it: a score, and data with the headline, text, date and word weights. */
function hit(id: string, score: number, title: string, body: string, date: string, weight = 1): PagefindResult {
  const data: PagefindResultData = {
    url: `/${id}/`,
    excerpt: '',
    content: `${title}. ${body}`,
    meta: { title, sort: date },
    weighted_locations: [{ weight, location: 0 }],
  }
  return { id, score, data: async () => data }
}

const request = (query: string): SearchRequest => ({ query, filters: {}, newest: false, count: 10 })
const ids = (results: ReadonlyArray<{ id: string }>): string[] => results.map((result) => result.id)

// "duong": a road in a 2020 headline, a road deep in a 2023 body, "tuyên dương" in a 2024 body
// (scored best by Pagefind), "dương" in a 2022 headline.
const road2020 = hit('road-2020', 1, 'Mở rộng đường liên xã', 'Tuyến đường mới.', '2020-03-01T00:00:00.000Z', 7)
const road2023 = hit('road-2023', 2, 'Tin ngắn', 'Sửa mặt đường sau lũ.', '2023-05-01T00:00:00.000Z')
const praise2024 = hit('praise-2024', 3, 'Trao thưởng cuối năm', 'Nhà trường tuyên dương học sinh.', '2024-09-01T00:00:00.000Z')
const sea2022 = hit('sea-2022', 0.5, 'Biển Thái Bình Dương', 'Tàu ra khơi.', '2022-01-01T00:00:00.000Z', 7)

test('should rank spelled as typed first, then headline or lead, then newer first, whatever the score', async () => {
  const typed = await nextResults([[praise2024, road2023, road2020, sea2022]], [], request('đường'))
  assert.equal(ids(typed), ['road-2020', 'road-2023', 'sea-2022', 'praise-2024'], '"đường" as typed before "dương", headline before body')
  const plain = await nextResults([[praise2024, road2023, road2020, sea2022]], [], request('duong'))
  assert.equal(ids(plain), ['sea-2022', 'road-2020', 'praise-2024', 'road-2023'], 'typed without marks: headlines, then newer first')
})

test('should show each group as it answers, ranked within it, below the groups before it, never moving what is shown', async () => {
  const query = request('đường')
  // The newest group answers alone: its hits are shown at once, ranked among themselves.
  const early = await nextResults([[praise2024, road2023]], [], query)
  assert.equal(ids(early), ['road-2023', 'praise-2024'], 'shown at once, "đường" before "dương"')
  // An older group answers: its hits go below, ranked among themselves, though a headline there would outrank.
  const later = await nextResults(
    [
      [praise2024, road2023],
      [sea2022, road2020],
    ],
    early,
    query
  )
  assert.equal(ids(later), ['road-2023', 'praise-2024', 'road-2020', 'sea-2022'])
  // A full page waits for "more": the next page comes from the first group with hits left.
  const page = await nextResults(
    [
      [praise2024, road2023],
      [sea2022, road2020],
    ],
    [],
    { ...query, count: 1 }
  )
  assert.equal(ids(page), ['road-2023'])
  const more = await nextResults(
    [
      [praise2024, road2023],
      [sea2022, road2020],
    ],
    page,
    { ...query, count: 3 }
  )
  assert.equal(ids(more), ['road-2023', 'praise-2024', 'road-2020'])
})

test('should order newest first within each group when sorting by date', async () => {
  const groups = [
    [road2020, praise2024],
    [sea2022, road2023],
  ]
  const newest = await nextResults(groups, [], { ...request('duong'), newest: true })
  assert.equal(ids(newest), ['praise-2024', 'road-2020', 'road-2023', 'sea-2022'])
})

test('should compare ranks field by field', async () => {
  const rank = async (result: PagefindResult, query: string) => rankOf(await result.data(), query)
  assert.equal(await rank(road2020, 'mở rộng đường'), { asTyped: true, headlineOrLead: true, phrase: 2, date: '2020-03-01T00:00:00.000Z' })
  assert.is((await rank(sea2022, 'đường')).asTyped, false)
  const newer = { asTyped: true, headlineOrLead: false, phrase: 0, date: '2024' } as const
  const older = { ...newer, date: '2020' }
  assert.ok(compareRanks(newer, older) < 0 && compareRanks(older, newer) > 0 && compareRanks(newer, newer) === 0)
  assert.ok(compareRanks({ ...older, headlineOrLead: true }, newer) < 0, 'a headline match before a newer body match')
  assert.ok(compareRanks({ ...older, asTyped: true }, { ...newer, asTyped: false, headlineOrLead: true }) < 0, 'as typed before all else')
  assert.is((await rank(road2020, 'mo rong duong')).phrase, 2, 'typed without marks, any spelling is as typed')
  assert.is((await rank(road2020, 'mở rộng dương')).phrase, 1)
})

test('should fetch the fragments a page reads at once: the best-scored ten by relevance, the first fifty by date', () => {
  const asked: string[] = []
  const hits = Array.from({ length: 60 }, (_, index): PagefindResult => {
    const id = `hit-${index}`
    // Pagefind's order here is by date; the scores run the other way.
    const data = async (): Promise<PagefindResultData> => {
      asked.push(id)
      return hit(id, index, id, '', '').data()
    }
    return { id, score: index, data }
  })
  prefetchFragments(hits, 10)
  assert.equal(
    asked,
    Array.from({ length: 10 }, (_, index) => `hit-${59 - index}`),
    'the ten best-scored, every one at once'
  )
  asked.length = 0
  prefetchFragments(hits, 10, true)
  assert.equal(
    asked,
    Array.from({ length: 50 }, (_, index) => `hit-${index}`),
    'by date: the window nextResults orders, in order'
  )
})

test.run()
