/**
 * Pure text helpers for the corpus generator: slugs, capitalisation, number and
 * date formatting, word counting and how localities are named in prose.
 */
import type { Locality } from './registries.ts'

/** First day of the corpus (UTC midnight of 2006-01-01, read as local time). */
const START_MS = Date.UTC(2006, 0, 1)

/** Days from 2006-01-01 through 2025-12-31. */
export const TOTAL_DAYS = (Date.UTC(2026, 0, 1) - START_MS) / 86_400_000

const DAY_MS = 86_400_000

/** Largest corpus the slug suffix scheme keeps unique (36^5). */
export const MAX_ARTICLES = 36 ** 5

/**
 * Folds Vietnamese text to an ASCII slug: "Đường Hồ Chí Minh" → "duong-ho-chi-minh".
 * @param text any text
 */
export function toSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/**
 * Shortens a slug to at most `max` characters, cutting at a hyphen when possible.
 * @param slug the slug
 * @param max maximum length
 */
export function truncateSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug
  const cut = slug.slice(0, max + 1)
  const hyphen = cut.lastIndexOf('-')
  return (hyphen > 0 ? cut.slice(0, hyphen) : slug.slice(0, max)).replace(/-+$/, '')
}

/**
 * Returns the unique five-character suffix of article `index` (a bijection on [0, 36^5)).
 * @param index article index, below {@link MAX_ARTICLES}
 */
export function slugSuffix(index: number): string {
  // 1_000_003 is prime, hence coprime with 36^5: multiplication permutes the residues.
  return ((index * 1_000_003 + 46_411) % MAX_ARTICLES).toString(36).padStart(5, '0')
}

/**
 * Upper-cases the first character.
 * @param text text to capitalize
 */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * Formats an integer with Vietnamese thousands separators: 12400 → "12.400".
 * @param value non-negative integer
 */
export function formatThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.')
}

/**
 * Counts whitespace-separated words (a hand-written scan: this runs for every generated sentence).
 * @param text any text
 */
export function countWords(text: string): number {
  let words = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const space = code === 32 || code === 10 || code === 9 || code === 13
    if (!space && !inWord) words++
    inWord = !space
  }
  return words
}

/**
 * Returns a locality's name without its kind prefix: "Phường Điện Biên" → "Điện Biên", "TP. Sầm Sơn" → "Sầm Sơn".
 * @param locality the locality
 */
export function localityBareName(locality: Locality): string {
  const name = locality.name.normalize('NFC').trim()
  const abbreviation = /^(?:TP|TX|TT|Q|H)\.\s*/u
  if (abbreviation.test(name)) return name.replace(abbreviation, '')
  const kind = locality.kind.normalize('NFC').toLowerCase()
  return name.toLowerCase().startsWith(`${kind} `) ? name.slice(kind.length + 1) : name
}

/**
 * Returns a locality as written in prose: lower-case kind plus bare name ("huyện Nga Sơn", "phường Điện Biên").
 * @param locality the locality
 */
export function localityLabel(locality: Locality): string {
  return `${locality.kind.normalize('NFC').toLowerCase()} ${localityBareName(locality)}`
}

/**
 * Returns a locality as written in headlines: "TP. Sầm Sơn", "TX. Nghi Sơn", otherwise the bare name ("Nga Sơn").
 * @param locality the locality
 */
export function localityShortName(locality: Locality): string {
  const kind = locality.kind.normalize('NFC').toLowerCase()
  const bare = localityBareName(locality)
  return kind === 'thành phố' ? `TP. ${bare}` : kind === 'thị xã' ? `TX. ${bare}` : bare
}

/**
 * Formats a day offset from 2006-01-01 and a time as `YYYY-MM-DD HH:mm`.
 * @param dayOffset days since 2006-01-01
 * @param hour 0–23
 * @param minute 0–59
 */
export function formatLocalDate(dayOffset: number, hour: number, minute: number): string {
  const date = new Date(START_MS + dayOffset * DAY_MS)
  const pad = (value: number): string => String(value).padStart(2, '0')
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(hour)}:${pad(minute)}`
}
