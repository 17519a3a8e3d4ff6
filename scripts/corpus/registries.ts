/**
 * Registries of the corpus: localities (parsed from localities.yml or the
 * built-in tree), generated authors, and the weighted pickers articles draw from.
 */
import { parse } from 'yaml'
import { createWeightedList, pick } from './random.ts'
import type { Random, WeightedList } from './random.ts'
import { makePersonName } from './template.ts'
import { toSlug } from './text.ts'
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, FEMALE_MIDDLE_NAMES, MALE_GIVEN_NAMES, MALE_MIDDLE_NAMES } from './vocabulary.ts'

/** One entry of localities.yml. */
export interface Locality {
  /** Stable id used in front matter. */
  id: string
  /** Display name, e.g. "Nga Sơn". */
  name: string
  /** Administrative kind: tỉnh, thành phố, thị xã, huyện, phường, xã, thị trấn. */
  kind: string
  /** Id of the enclosing locality; absent on the root. */
  parent?: string
}

/** One entry of authors.yml. */
export interface Author {
  /** Slug of the name. */
  id: string
  /** Vietnamese full name or pen name. */
  name: string
}

/** Localities and authors with the precomputed pickers `makeArticle` needs. */
export interface CorpusRegistries {
  /** All localities, in file order. */
  localities: readonly Locality[]
  /** All authors. */
  authors: readonly Author[]
  /** The province (first locality without a parent, preferring kind tỉnh). */
  root: Locality
  /** Localities by id. */
  localityById: ReadonlyMap<string, Locality>
  /** Authors by id. */
  authorById: ReadonlyMap<string, Author>
  /** Localities weighted: root 5%, district level 60%, ward level 35%. */
  localityPicker: WeightedList<Locality>
  /** Authors weighted by a Zipf-like curve, so a few are prolific. */
  authorPicker: WeightedList<Author>
}

/** Administrative kinds treated as district level when weighting localities. */
const DISTRICT_KINDS: ReadonlySet<string> = new Set(['thành phố', 'thị xã', 'huyện', 'quận'])

/** Small locality tree used when no localities.yml is available. */
export const BUILT_IN_LOCALITIES: readonly Locality[] = [
  { id: 'thanh-hoa', name: 'Thanh Hóa', kind: 'tỉnh' },
  { id: 'thanh-pho-thanh-hoa', name: 'Thanh Hóa', kind: 'thành phố', parent: 'thanh-hoa' },
  { id: 'phuong-dien-bien', name: 'Điện Biên', kind: 'phường', parent: 'thanh-pho-thanh-hoa' },
  { id: 'phuong-lam-son', name: 'Lam Sơn', kind: 'phường', parent: 'thanh-pho-thanh-hoa' },
  { id: 'phuong-ba-dinh', name: 'Ba Đình', kind: 'phường', parent: 'thanh-pho-thanh-hoa' },
  { id: 'phuong-dong-tho', name: 'Đông Thọ', kind: 'phường', parent: 'thanh-pho-thanh-hoa' },
  { id: 'sam-son', name: 'Sầm Sơn', kind: 'thành phố', parent: 'thanh-hoa' },
  { id: 'phuong-truong-son', name: 'Trường Sơn', kind: 'phường', parent: 'sam-son' },
  { id: 'phuong-bac-son', name: 'Bắc Sơn', kind: 'phường', parent: 'sam-son' },
  { id: 'xa-quang-hung', name: 'Quảng Hùng', kind: 'xã', parent: 'sam-son' },
  { id: 'bim-son', name: 'Bỉm Sơn', kind: 'thị xã', parent: 'thanh-hoa' },
  { id: 'phuong-ngoc-trao', name: 'Ngọc Trạo', kind: 'phường', parent: 'bim-son' },
  { id: 'nghi-son', name: 'Nghi Sơn', kind: 'thị xã', parent: 'thanh-hoa' },
  { id: 'phuong-hai-hoa', name: 'Hải Hòa', kind: 'phường', parent: 'nghi-son' },
  { id: 'xa-nghi-son', name: 'Nghi Sơn', kind: 'xã', parent: 'nghi-son' },
  { id: 'nga-son', name: 'Nga Sơn', kind: 'huyện', parent: 'thanh-hoa' },
  { id: 'thi-tran-nga-son', name: 'Nga Sơn', kind: 'thị trấn', parent: 'nga-son' },
  { id: 'xa-nga-thach', name: 'Nga Thạch', kind: 'xã', parent: 'nga-son' },
  { id: 'xa-nga-dien', name: 'Nga Điền', kind: 'xã', parent: 'nga-son' },
  { id: 'hoang-hoa', name: 'Hoằng Hóa', kind: 'huyện', parent: 'thanh-hoa' },
  { id: 'thi-tran-but-son', name: 'Bút Sơn', kind: 'thị trấn', parent: 'hoang-hoa' },
  { id: 'xa-hoang-truong', name: 'Hoằng Trường', kind: 'xã', parent: 'hoang-hoa' },
  { id: 'xa-hoang-tien', name: 'Hoằng Tiến', kind: 'xã', parent: 'hoang-hoa' },
  { id: 'tho-xuan', name: 'Thọ Xuân', kind: 'huyện', parent: 'thanh-hoa' },
  { id: 'thi-tran-lam-son', name: 'Lam Sơn', kind: 'thị trấn', parent: 'tho-xuan' },
  { id: 'xa-xuan-lap', name: 'Xuân Lập', kind: 'xã', parent: 'tho-xuan' },
  { id: 'ba-thuoc', name: 'Bá Thước', kind: 'huyện', parent: 'thanh-hoa' },
  { id: 'thi-tran-canh-nang', name: 'Cành Nàng', kind: 'thị trấn', parent: 'ba-thuoc' },
  { id: 'xa-lung-cao', name: 'Lũng Cao', kind: 'xã', parent: 'ba-thuoc' },
  { id: 'quang-xuong', name: 'Quảng Xương', kind: 'huyện', parent: 'thanh-hoa' },
  { id: 'thi-tran-tan-phong', name: 'Tân Phong', kind: 'thị trấn', parent: 'quang-xuong' },
  { id: 'xa-quang-nham', name: 'Quảng Nham', kind: 'xã', parent: 'quang-xuong' },
  { id: 'vinh-loc', name: 'Vĩnh Lộc', kind: 'huyện', parent: 'thanh-hoa' },
  { id: 'xa-vinh-tien', name: 'Vĩnh Tiến', kind: 'xã', parent: 'vinh-loc' },
  { id: 'ngoc-lac', name: 'Ngọc Lặc', kind: 'huyện', parent: 'thanh-hoa' },
  { id: 'thi-tran-ngoc-lac', name: 'Ngọc Lặc', kind: 'thị trấn', parent: 'ngoc-lac' },
]

/**
 * Generates authors with unique ids: mostly full names, some two-syllable pen names.
 * @param rand random source
 * @param count number of authors
 */
export function makeAuthors(rand: Random, count: number): Author[] {
  const authors: Author[] = []
  const ids = new Set<string>()
  for (let attempt = 0; authors.length < count; attempt++) {
    if (attempt > count * 100) throw new Error(`makeAuthors: cannot find ${count} distinct names`)
    const male = rand() < 0.5
    const style = rand()
    let name: string
    if (style < 0.7) {
      name = makePersonName(rand, male)
    } else {
      // Pen names: "Minh Hiếu" (middle + given) or "Lê Hà" (family + given); never "Thị …" or "Văn …".
      const given = pick(rand, male ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES)
      const middle = pick(rand, male ? MALE_MIDDLE_NAMES : FEMALE_MIDDLE_NAMES)
      name = style < 0.85 && middle !== 'Thị' && middle !== 'Văn' ? `${middle} ${given}` : `${pick(rand, FAMILY_NAMES)} ${given}`
    }
    const id = toSlug(name)
    if (ids.has(id)) continue
    ids.add(id)
    authors.push({ id, name })
  }
  return authors
}

/**
 * Parses and validates localities.yml text.
 * @param text YAML: a list of `{id, name, kind, parent?}`
 * @param source file name for error messages
 */
export function parseLocalities(text: string, source: string): Locality[] {
  const data: unknown = parse(text)
  if (!Array.isArray(data) || data.length === 0) throw new Error(`${source}: expected a non-empty YAML list of localities`)
  const localities: Locality[] = []
  const ids = new Set<string>()
  data.forEach((entry: unknown, index) => {
    const where = `${source}: entry ${index + 1}`
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new Error(`${where}: expected a mapping`)
    const record = entry as Record<string, unknown>
    const { id, name, kind, parent } = record
    if (typeof id !== 'string' || id === '') throw new Error(`${where}: "id" must be a non-empty string`)
    if (typeof name !== 'string' || name === '') throw new Error(`${where} (${id}): "name" must be a non-empty string`)
    if (typeof kind !== 'string' || kind === '') throw new Error(`${where} (${id}): "kind" must be a non-empty string`)
    if (parent !== undefined && parent !== null && typeof parent !== 'string') throw new Error(`${where} (${id}): "parent" must be a string`)
    if (ids.has(id)) throw new Error(`${where}: duplicate id "${id}"`)
    ids.add(id)
    localities.push(typeof parent === 'string' && parent !== '' ? { id, name, kind, parent } : { id, name, kind })
  })
  for (const locality of localities) {
    if (locality.parent !== undefined && !ids.has(locality.parent)) {
      throw new Error(`${source}: "${locality.id}" has unknown parent "${locality.parent}"`)
    }
  }
  return localities
}

/**
 * Builds the registries and pickers used by {@link makeArticle}.
 * @param localities all localities; at least one without a parent
 * @param authors all authors; at least two
 */
export function createRegistries(localities: readonly Locality[], authors: readonly Author[]): CorpusRegistries {
  const roots = localities.filter((locality) => locality.parent === undefined)
  const root = roots.find((locality) => locality.kind.normalize('NFC') === 'tỉnh') ?? roots[0]
  if (!root) throw new Error('localities: no root (an entry without "parent")')
  if (authors.length < 2) throw new Error('authors: need at least two')
  const level = (locality: Locality): 'root' | 'district' | 'ward' =>
    locality.parent === undefined ? 'root' : DISTRICT_KINDS.has(locality.kind.normalize('NFC')) ? 'district' : 'ward'
  const shares = { root: 5, district: 60, ward: 35 }
  const sizes = { root: 0, district: 0, ward: 0 }
  for (const locality of localities) sizes[level(locality)]++
  return {
    localities,
    authors,
    root,
    localityById: new Map(localities.map((locality) => [locality.id, locality])),
    authorById: new Map(authors.map((author) => [author.id, author])),
    localityPicker: createWeightedList(localities, (locality) => {
      const group = level(locality)
      return shares[group] / sizes[group]
    }),
    authorPicker: createWeightedList(authors, (_author, index) => 1 / (index + 1) ** 0.7),
  }
}
