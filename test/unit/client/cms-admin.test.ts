import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { cmsFolderKeys } from '../../../src/site/index.ts'
import { beforeSave, fromFile, toFile } from '../../../templates/client/cms/cms-admin.ts'

const test = suite('cmsAdmin')

/** A stand-in for the Immutable.js map Decap hands to its events. */
function entryData(values: Record<string, unknown>): Parameters<typeof beforeSave>[0] & { values: Record<string, unknown> } {
  return { values, get: (key: string) => values[key], set: (key: string, value: unknown) => entryData({ ...values, [key]: value }) }
}

test('should file an article under the year and month of its date as written, whatever the UTC date', () => {
  const saved = beforeSave(entryData({ title: 'Hội nghị', date: '2026-12-01 05:00' })) as ReturnType<typeof entryData>
  assert.is(saved.values[cmsFolderKeys.year], '2026')
  assert.is(saved.values[cmsFolderKeys.month], '12')
})

test('should make a title typed with combining marks NFC', () => {
  const saved = beforeSave(entryData({ title: 'Đà Na\u0306\u0303ng', date: '2026-12-01 05:00' })) as ReturnType<typeof entryData>
  assert.is(saved.values['title'], 'Đà Nẵng')
})

test('should write front matter like toasoan new: helpers and empty values left out, dates bare', () => {
  const text = toFile(
    {
      title: 'Đường liên xã',
      date: '2026-11-30 09:15',
      updated: '',
      authors: ['to-phuong'],
      locality: 'hoang-hoa',
      category: '',
      tags: ['giao thông', ''],
      images: [{ src: '/media/duong-lien-xa.jpg', alt: 'Con đường', caption: '', credit: 'Tố Phương' }],
      draft: false,
      aliases: [],
      body: 'Nội dung.\n\n',
      [cmsFolderKeys.year]: '2026',
      [cmsFolderKeys.month]: '11',
    },
    ['title', 'date', 'updated', 'authors', 'locality', 'category', 'tags', 'images', 'draft', 'aliases', 'body']
  )
  assert.is(
    text,
    '---\ntitle: "Đường liên xã"\ndate: 2026-11-30 09:15\nauthors:\n  - "to-phuong"\nlocality: "hoang-hoa"\ntags:\n  - "giao thông"\nimages:\n  - src: "/media/duong-lien-xa.jpg"\n    alt: "Con đường"\n    credit: "Tố Phương"\ndraft: false\n---\n\nNội dung.\n'
  )
})

test('should read `author` and single values as the lists the widgets edit', () => {
  const data = fromFile('---\ntitle: "Tin"\ndate: 2019-10-24 09:15\nauthor: to-phuong\ntags: công an\nlocality: tp-thanh-hoa\n---\n\nThân bài.\n')
  assert.equal(data, { title: 'Tin', date: '2019-10-24 09:15', authors: ['to-phuong'], tags: ['công an'], locality: 'tp-thanh-hoa', body: 'Thân bài.\n' })
})

test('should read back what it writes', () => {
  const data = { title: 'Tin: "mới"', date: '2026-11-30 09:15', authors: ['a', 'b'], locality: 'x', body: 'Thân bài.' }
  assert.equal(fromFile(toFile(data, Object.keys(data))), { ...data, body: 'Thân bài.\n' })
})

test.run()
