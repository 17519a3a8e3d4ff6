/**
 * Template filling: replaces `{slot}` placeholders with the article's locality
 * and date, random numbers and names, or phrases from the lexicons.
 */
import { at, pick, randomInt } from './random.ts'
import type { Random } from './random.ts'
import { formatThousands } from './text.ts'
import { FAMILY_NAMES, FEMALE_GIVEN_NAMES, FEMALE_MIDDLE_NAMES, MALE_GIVEN_NAMES, MALE_MIDDLE_NAMES, SHARED_LEXICON } from './vocabulary.ts'
import type { Lexicon } from './vocabulary.ts'

/** What slot filling needs besides the lexicons. */
export interface FillContext {
  /** Random source. */
  rand: Random
  /** The article category's lexicon. */
  lexicon: Lexicon
  /** `{loc}`: the article's locality with kind. */
  loc: string
  /** `{locName}`: the article's locality short name ("Nga Sơn", "TP. Sầm Sơn"). */
  locName: string
  /** `{province}`: the root locality with kind. */
  province: string
  /** `{provinceName}`: the root locality short name. */
  provinceName: string
  /** `{year}`: the article's year. */
  year: number
  /** `{month}`: the article's month, 1–12. */
  month: number
}

const SLOT_PATTERN = /\{(\w+)\}/g
const MAX_FILL_DEPTH = 6

/** A template split into alternating literal text and slot names: [text, slot, text, …, text]. */
type CompiledTemplate = readonly string[]

/** Templates are few (a few hundred) and reused millions of times, so each is split once. */
const compiledTemplates = new Map<string, CompiledTemplate>()

function compileTemplate(template: string): CompiledTemplate {
  let compiled = compiledTemplates.get(template)
  if (compiled === undefined) {
    compiled = template.split(SLOT_PATTERN)
    compiledTemplates.set(template, compiled)
  }
  return compiled
}

/**
 * Replaces every `{slot}` in a template, recursively, drawing from the context's random source.
 * @param template text with `{slot}` placeholders
 * @param context locality, date, lexicon and random source
 */
export function fillTemplate(template: string, context: FillContext): string {
  return fill(template, context, 0)
}

function fill(template: string, context: FillContext, depth: number): string {
  if (depth > MAX_FILL_DEPTH) throw new Error(`fillTemplate: slots nested too deep in "${template}"`)
  const parts = compileTemplate(template)
  let text = at(parts, 0)
  for (let i = 1; i < parts.length; i += 2) {
    const value = resolveSlot(at(parts, i), context)
    text += value.includes('{') ? fill(value, context, depth + 1) : value
    text += at(parts, i + 1)
  }
  return text
}

function resolveSlot(key: string, context: FillContext): string {
  const { rand } = context
  switch (key) {
    case 'loc':
      return context.loc
    case 'locName':
      return context.locName
    case 'province':
      return context.province
    case 'provinceName':
      return context.provinceName
    case 'year':
      return String(context.year)
    case 'prevYear':
      return String(context.year - 1)
    case 'nextYear':
      return String(context.year + 1)
    case 'month':
      return String(context.month)
    case 'day':
      return String(randomInt(rand, 1, 28))
    case 'n':
      return String(randomInt(rand, 2, 12))
    case 'num':
      return String(randomInt(rand, 3, 480))
    case 'big':
      return formatThousands(randomInt(rand, 10, 500) * 100)
    case 'pct':
      return rand() < 0.6 ? String(randomInt(rand, 5, 98)) : `${randomInt(rand, 1, 99)},${randomInt(rand, 1, 9)}`
    case 'fullName':
      return makePersonName(rand, rand() < 0.5)
    case 'maleName':
      return makePersonName(rand, true)
    case 'femaleName':
      return makePersonName(rand, false)
    default:
      return pick(rand, lexiconList(key, context))
  }
}

/**
 * A slot's phrase list: the category's, the shared one, or (if both exist) either at random.
 * @param key slot name
 * @param context the article's lexicon and random source
 */
export function lexiconList(key: string, context: FillContext): readonly string[] {
  const own = context.lexicon[key]
  const shared = SHARED_LEXICON[key]
  if (own && shared) return context.rand() < 0.5 ? own : shared
  const list = own ?? shared
  if (!list || list.length === 0) throw new Error(`fillTemplate: unknown slot {${key}}`)
  return list
}

/**
 * Makes a three-part Vietnamese name (họ, tên đệm, tên).
 * @param rand random source
 * @param male whether to use male middle and given names
 */
export function makePersonName(rand: Random, male: boolean): string {
  const family = pick(rand, FAMILY_NAMES)
  const middle = pick(rand, male ? MALE_MIDDLE_NAMES : FEMALE_MIDDLE_NAMES)
  const given = pick(rand, male ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES)
  return `${family} ${middle} ${given}`
}
