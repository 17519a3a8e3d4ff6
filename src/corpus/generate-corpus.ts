/**
 * Deterministic generator of a synthetic content folder (site.yml, registries,
 * articles and an image pool) for load-testing and previewing toasoan.
 *
 * Everything but `generateCorpus` is pure: the same seed and article index
 * always give the same article, whatever order articles are written in.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import {
  CATEGORY_IDS,
  CATEGORY_LEXICON,
  FAMILY_NAMES,
  FEMALE_GIVEN_NAMES,
  FEMALE_MIDDLE_NAMES,
  MALE_GIVEN_NAMES,
  MALE_MIDDLE_NAMES,
  PHOTO_CREDITS,
  SHARED_ALT_TEXTS,
  SHARED_LEXICON,
  TAGS,
} from './vocabulary.ts';
import type { CategoryId, Lexicon } from './vocabulary.ts';

// ---------------------------------------------------------------------------
// Types

/** A pseudo-random source returning floats in [0, 1). */
export type Random = () => number;

/** One entry of localities.yml. */
export interface Locality {
  /** Stable id used in front matter. */
  id: string;
  /** Display name, e.g. "Nga Sơn". */
  name: string;
  /** Administrative kind: tỉnh, thành phố, thị xã, huyện, phường, xã, thị trấn. */
  kind: string;
  /** Id of the enclosing locality; absent on the root. */
  parent?: string;
}

/** One entry of authors.yml. */
export interface Author {
  /** Slug of the name. */
  id: string;
  /** Vietnamese full name or pen name. */
  name: string;
}

/** An image listed in an article's front matter. */
export interface CorpusImage {
  /** File name inside media/, e.g. "anh-3.jpg". */
  src: string;
  /** Alternative text. */
  alt: string;
  /** Caption shown under the image. */
  caption: string;
  /** Photographer or source. */
  credit: string;
}

/** Front matter of a generated article, in the key order it is written. */
export interface ArticleFrontMatter {
  /** Headline. */
  title: string;
  /** Local time, `YYYY-MM-DD HH:mm`, no offset. */
  date: string;
  /** Single author id (used by ~30% of articles instead of `authors`). */
  author?: string;
  /** One or two author ids. */
  authors?: string[];
  /** Locality id. */
  locality: string;
  /** Category id. */
  category: CategoryId;
  /** One to four tags. */
  tags: string[];
  /** Lead paragraph (sapo). */
  summary: string;
  /** One to three images, each placed once in the body. */
  images: CorpusImage[];
  /** Old CMS URLs (~2% of articles). */
  aliases?: string[];
}

/** A generated article ready to be rendered. */
export interface CorpusArticle {
  /** Zero-based index in the corpus. */
  index: number;
  /** File name without extension; unique in the corpus. */
  slug: string;
  /** Path relative to the output folder: `articles/YYYY/MM/<slug>.md`. */
  path: string;
  /** Front matter. */
  frontMatter: ArticleFrontMatter;
  /** Markdown body, ending with a newline. */
  body: string;
}

/** A list with cumulative weights for binary-search picking. */
export interface WeightedList<T> {
  /** The items. */
  items: readonly T[];
  /** Running totals of the items' weights. */
  cumulative: readonly number[];
}

/** Localities and authors with the precomputed pickers `makeArticle` needs. */
export interface CorpusRegistries {
  /** All localities, in file order. */
  localities: readonly Locality[];
  /** All authors. */
  authors: readonly Author[];
  /** The province (first locality without a parent, preferring kind tỉnh). */
  root: Locality;
  /** Localities by id. */
  localityById: ReadonlyMap<string, Locality>;
  /** Authors by id. */
  authorById: ReadonlyMap<string, Author>;
  /** Localities weighted: root 5%, district level 60%, ward level 35%. */
  localityPicker: WeightedList<Locality>;
  /** Authors weighted by a Zipf-like curve, so a few are prolific. */
  authorPicker: WeightedList<Author>;
}

/** Options of {@link generateCorpus}. */
export interface GenerateCorpusOptions {
  /** Number of articles to write. */
  articles: number;
  /** Output folder; must be missing or empty unless `force`. */
  out: string;
  /** Seed; the same seed and article count give byte-identical text files. @default 1 */
  seed?: string | number;
  /** Write into a non-empty folder, first deleting the entries the generator owns. @default false */
  force?: boolean;
  /**
   * Path of a localities.yml to copy, or `false` for the built-in tree.
   * @default the repository's content/localities.yml if it exists, else the built-in tree
   */
  localities?: string | false;
  /** Number of authors to generate. @default 40 */
  authors?: number;
  /** Maximum number of files written at once. @default 64 */
  concurrency?: number;
}

/** What {@link generateCorpus} wrote. */
export interface GenerateCorpusResult {
  /** Absolute output folder. */
  out: string;
  /** Articles written. */
  articles: number;
  /** Authors in authors.yml. */
  authors: number;
  /** Localities in localities.yml. */
  localities: number;
  /** Where localities.yml came from: a path, or "built-in". */
  localitiesSource: string;
  /** Images in media/. */
  images: number;
  /** Total bytes written (text and images). */
  bytes: number;
}

// ---------------------------------------------------------------------------
// Constants

/** Image pool written to media/ and referenced by articles. */
export const IMAGE_POOL: readonly string[] = ['anh-1.jpg', 'anh-2.jpg', 'anh-3.jpg', 'anh-4.jpg', 'anh-5.jpg', 'anh-6.jpg'];

/** Width of the generated images, in pixels. */
export const IMAGE_WIDTH = 1600;

/** Height of the generated images, in pixels (3:2). */
export const IMAGE_HEIGHT = 1067;

/** First day of the corpus (UTC midnight of 2006-01-01, read as local time). */
const START_MS = Date.UTC(2006, 0, 1);

/** Days from 2006-01-01 through 2025-12-31. */
const TOTAL_DAYS = (Date.UTC(2026, 0, 1) - START_MS) / 86_400_000;

const DAY_MS = 86_400_000;

/** Largest corpus the slug suffix scheme keeps unique (36^5). */
export const MAX_ARTICLES = 36 ** 5;

/** Relative share of each category, in {@link CATEGORY_IDS} order. */
const CATEGORY_WEIGHTS: readonly number[] = [25, 20, 12, 18, 15, 10];

/** Administrative kinds treated as district level when weighting localities. */
const DISTRICT_KINDS: ReadonlySet<string> = new Set(['thành phố', 'thị xã', 'huyện', 'quận']);

/** Top-level entries of the output folder that the generator owns (deleted by `force`). */
export const GENERATED_ENTRIES: readonly string[] = ['site.yml', 'localities.yml', 'authors.yml', 'articles', 'media'];

/** Article keys allowed in front matter, in output order. */
export const FRONT_MATTER_KEYS: readonly string[] = [
  'title', 'date', 'author', 'authors', 'locality', 'category', 'tags', 'summary', 'images', 'aliases',
];

/** yaml options: double-quote every string, never fold long lines. */
const YAML_OPTIONS = { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 } as const;

/** The repository's localities registry, used when present. */
const DEFAULT_LOCALITIES_PATH = fileURLToPath(new URL('../../content/localities.yml', import.meta.url));

/** Gradient end colours (RGB) of the six pool images. */
const IMAGE_COLOURS: readonly (readonly [readonly number[], readonly number[]])[] = [
  [[28, 84, 148], [120, 180, 220]], // sea
  [[46, 110, 52], [196, 214, 90]], // rice field
  [[150, 40, 36], [240, 170, 80]], // festival
  [[70, 70, 78], [190, 190, 200]], // street
  [[120, 78, 40], [230, 200, 150]], // village
  [[90, 40, 120], [230, 140, 170]], // evening
];

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
];

// ---------------------------------------------------------------------------
// Randomness

/**
 * Creates a seeded PRNG (mulberry32). Written by hand because it is six lines,
 * fast, good enough for test data, and needs no dependency.
 * @param seed 32-bit unsigned seed
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Hashes a user seed (string or number) to 32 bits with FNV-1a over its decimal/string form.
 * @param seed the `--seed` value
 */
export function hashSeed(seed: string | number): number {
  const text = String(seed);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Derives an independent 32-bit seed for one stream (e.g. one article) from the corpus seed.
 * @param seed hashed corpus seed
 * @param stream stream number: the article index, or a negative number for registries
 */
export function deriveSeed(seed: number, stream: number): number {
  let x = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * Returns an integer in [min, max], both inclusive.
 * @param rand random source
 * @param min lowest value
 * @param max highest value
 */
export function randomInt(rand: Random, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

/**
 * Picks one item uniformly.
 * @param rand random source
 * @param list non-empty list
 */
export function pick<T>(rand: Random, list: readonly T[]): T {
  return at(list, Math.floor(rand() * list.length));
}

/**
 * Builds a weighted list for {@link pickWeighted}.
 * @param items the items
 * @param weight non-negative weight of an item, by item and index
 */
export function createWeightedList<T>(items: readonly T[], weight: (item: T, index: number) => number): WeightedList<T> {
  const cumulative: number[] = [];
  let total = 0;
  items.forEach((item, index) => {
    total += weight(item, index);
    cumulative.push(total);
  });
  if (items.length === 0 || !(total > 0)) throw new Error('createWeightedList: needs at least one item with a positive weight');
  return { items, cumulative };
}

/**
 * Picks one item with probability proportional to its weight.
 * @param rand random source
 * @param list weighted list
 */
export function pickWeighted<T>(rand: Random, list: WeightedList<T>): T {
  const { cumulative } = list;
  const target = rand() * at(cumulative, cumulative.length - 1);
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (at(cumulative, mid) > target) high = mid;
    else low = mid + 1;
  }
  return at(list.items, low);
}

/**
 * Picks `count` distinct items by weight (retrying on repeats; fine for count ≪ items).
 * @param rand random source
 * @param list weighted list with at least `count` positively weighted items
 * @param count how many to pick
 */
export function pickDistinctWeighted<T>(rand: Random, list: WeightedList<T>, count: number): T[] {
  const picked: T[] = [];
  while (picked.length < count) {
    const item = pickWeighted(rand, list);
    if (!picked.includes(item)) picked.push(item);
  }
  return picked;
}

/** Reads list[index], throwing instead of returning undefined. */
function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`index ${index} out of range (length ${list.length})`);
  return item;
}

// ---------------------------------------------------------------------------
// Text helpers

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
    .replace(/^-+|-+$/g, '');
}

/**
 * Shortens a slug to at most `max` characters, cutting at a hyphen when possible.
 * @param slug the slug
 * @param max maximum length
 */
export function truncateSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > 0 ? cut.slice(0, hyphen) : slug.slice(0, max)).replace(/-+$/, '');
}

/**
 * Returns the unique five-character suffix of article `index` (a bijection on [0, 36^5)).
 * @param index article index, below {@link MAX_ARTICLES}
 */
export function slugSuffix(index: number): string {
  // 1_000_003 is prime, hence coprime with 36^5: multiplication permutes the residues.
  return ((index * 1_000_003 + 46_411) % MAX_ARTICLES).toString(36).padStart(5, '0');
}

/**
 * Upper-cases the first character.
 * @param text text to capitalize
 */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Formats an integer with Vietnamese thousands separators: 12400 → "12.400".
 * @param value non-negative integer
 */
export function formatThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * Counts whitespace-separated words (a hand-written scan: this runs for every generated sentence).
 * @param text any text
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || code === 10 || code === 9 || code === 13;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/**
 * Returns a locality's name without its kind prefix: "Phường Điện Biên" → "Điện Biên", "TP. Sầm Sơn" → "Sầm Sơn".
 * @param locality the locality
 */
export function localityBareName(locality: Locality): string {
  const name = locality.name.normalize('NFC').trim();
  const abbreviation = /^(?:TP|TX|TT|Q|H)\.\s*/u;
  if (abbreviation.test(name)) return name.replace(abbreviation, '');
  const kind = locality.kind.normalize('NFC').toLowerCase();
  return name.toLowerCase().startsWith(`${kind} `) ? name.slice(kind.length + 1) : name;
}

/**
 * Returns a locality as written in prose: lower-case kind plus bare name ("huyện Nga Sơn", "phường Điện Biên").
 * @param locality the locality
 */
export function localityLabel(locality: Locality): string {
  return `${locality.kind.normalize('NFC').toLowerCase()} ${localityBareName(locality)}`;
}

/**
 * Returns a locality as written in headlines: "TP. Sầm Sơn", "TX. Nghi Sơn", otherwise the bare name ("Nga Sơn").
 * @param locality the locality
 */
export function localityShortName(locality: Locality): string {
  const kind = locality.kind.normalize('NFC').toLowerCase();
  const bare = localityBareName(locality);
  return kind === 'thành phố' ? `TP. ${bare}` : kind === 'thị xã' ? `TX. ${bare}` : bare;
}

/**
 * Formats a day offset from 2006-01-01 and a time as `YYYY-MM-DD HH:mm`.
 * @param dayOffset days since 2006-01-01
 * @param hour 0–23
 * @param minute 0–59
 */
export function formatLocalDate(dayOffset: number, hour: number, minute: number): string {
  const date = new Date(START_MS + dayOffset * DAY_MS);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(hour)}:${pad(minute)}`;
}

// ---------------------------------------------------------------------------
// Template filling

/** What slot filling needs besides the lexicons. */
export interface FillContext {
  /** Random source. */
  rand: Random;
  /** The article category's lexicon. */
  lexicon: Lexicon;
  /** `{loc}`: the article's locality with kind. */
  loc: string;
  /** `{locName}`: the article's locality short name ("Nga Sơn", "TP. Sầm Sơn"). */
  locName: string;
  /** `{province}`: the root locality with kind. */
  province: string;
  /** `{provinceName}`: the root locality short name. */
  provinceName: string;
  /** `{year}`: the article's year. */
  year: number;
  /** `{month}`: the article's month, 1–12. */
  month: number;
}

const SLOT_PATTERN = /\{(\w+)\}/g;
const MAX_FILL_DEPTH = 6;

/** A template split into alternating literal text and slot names: [text, slot, text, …, text]. */
type CompiledTemplate = readonly string[];

/** Templates are few (a few hundred) and reused millions of times, so each is split once. */
const compiledTemplates = new Map<string, CompiledTemplate>();

function compileTemplate(template: string): CompiledTemplate {
  let compiled = compiledTemplates.get(template);
  if (compiled === undefined) {
    compiled = template.split(SLOT_PATTERN);
    compiledTemplates.set(template, compiled);
  }
  return compiled;
}

/**
 * Replaces every `{slot}` in a template, recursively, drawing from the context's random source.
 * @param template text with `{slot}` placeholders
 * @param context locality, date, lexicon and random source
 */
export function fillTemplate(template: string, context: FillContext): string {
  return fill(template, context, 0);
}

function fill(template: string, context: FillContext, depth: number): string {
  if (depth > MAX_FILL_DEPTH) throw new Error(`fillTemplate: slots nested too deep in "${template}"`);
  const parts = compileTemplate(template);
  let text = at(parts, 0);
  for (let i = 1; i < parts.length; i += 2) {
    const value = resolveSlot(at(parts, i), context);
    text += value.includes('{') ? fill(value, context, depth + 1) : value;
    text += at(parts, i + 1);
  }
  return text;
}

function resolveSlot(key: string, context: FillContext): string {
  const { rand } = context;
  switch (key) {
    case 'loc': return context.loc;
    case 'locName': return context.locName;
    case 'province': return context.province;
    case 'provinceName': return context.provinceName;
    case 'year': return String(context.year);
    case 'prevYear': return String(context.year - 1);
    case 'nextYear': return String(context.year + 1);
    case 'month': return String(context.month);
    case 'day': return String(randomInt(rand, 1, 28));
    case 'n': return String(randomInt(rand, 2, 12));
    case 'num': return String(randomInt(rand, 3, 480));
    case 'big': return formatThousands(randomInt(rand, 10, 500) * 100);
    case 'pct': return rand() < 0.6 ? String(randomInt(rand, 5, 98)) : `${randomInt(rand, 1, 99)},${randomInt(rand, 1, 9)}`;
    case 'fullName': return makePersonName(rand, rand() < 0.5);
    case 'maleName': return makePersonName(rand, true);
    case 'femaleName': return makePersonName(rand, false);
    default: return pick(rand, lexiconList(key, context));
  }
}

/** A slot's phrase list: the category's, the shared one, or (if both exist) either at random. */
function lexiconList(key: string, context: FillContext): readonly string[] {
  const own = context.lexicon[key];
  const shared = SHARED_LEXICON[key];
  if (own && shared) return context.rand() < 0.5 ? own : shared;
  const list = own ?? shared;
  if (!list || list.length === 0) throw new Error(`fillTemplate: unknown slot {${key}}`);
  return list;
}

/**
 * Makes a three-part Vietnamese name (họ, tên đệm, tên).
 * @param rand random source
 * @param male whether to use male middle and given names
 */
export function makePersonName(rand: Random, male: boolean): string {
  const family = pick(rand, FAMILY_NAMES);
  const middle = pick(rand, male ? MALE_MIDDLE_NAMES : FEMALE_MIDDLE_NAMES);
  const given = pick(rand, male ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES);
  return `${family} ${middle} ${given}`;
}

// ---------------------------------------------------------------------------
// Registries

/**
 * Generates authors with unique ids: mostly full names, some two-syllable pen names.
 * @param rand random source
 * @param count number of authors
 */
export function makeAuthors(rand: Random, count: number): Author[] {
  const authors: Author[] = [];
  const ids = new Set<string>();
  for (let attempt = 0; authors.length < count; attempt++) {
    if (attempt > count * 100) throw new Error(`makeAuthors: cannot find ${count} distinct names`);
    const male = rand() < 0.5;
    const style = rand();
    let name: string;
    if (style < 0.7) {
      name = makePersonName(rand, male);
    } else {
      // Pen names: "Minh Hiếu" (middle + given) or "Lê Hà" (family + given); never "Thị …" or "Văn …".
      const given = pick(rand, male ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES);
      const middle = pick(rand, male ? MALE_MIDDLE_NAMES : FEMALE_MIDDLE_NAMES);
      name = style < 0.85 && middle !== 'Thị' && middle !== 'Văn' ? `${middle} ${given}` : `${pick(rand, FAMILY_NAMES)} ${given}`;
    }
    const id = toSlug(name);
    if (ids.has(id)) continue;
    ids.add(id);
    authors.push({ id, name });
  }
  return authors;
}

/**
 * Parses and validates localities.yml text.
 * @param text YAML: a list of `{id, name, kind, parent?}`
 * @param source file name for error messages
 */
export function parseLocalities(text: string, source: string): Locality[] {
  const data: unknown = parse(text);
  if (!Array.isArray(data) || data.length === 0) throw new Error(`${source}: expected a non-empty YAML list of localities`);
  const localities: Locality[] = [];
  const ids = new Set<string>();
  data.forEach((entry: unknown, index) => {
    const where = `${source}: entry ${index + 1}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new Error(`${where}: expected a mapping`);
    const record = entry as Record<string, unknown>;
    const { id, name, kind, parent } = record;
    if (typeof id !== 'string' || id === '') throw new Error(`${where}: "id" must be a non-empty string`);
    if (typeof name !== 'string' || name === '') throw new Error(`${where} (${id}): "name" must be a non-empty string`);
    if (typeof kind !== 'string' || kind === '') throw new Error(`${where} (${id}): "kind" must be a non-empty string`);
    if (parent !== undefined && parent !== null && typeof parent !== 'string') throw new Error(`${where} (${id}): "parent" must be a string`);
    if (ids.has(id)) throw new Error(`${where}: duplicate id "${id}"`);
    ids.add(id);
    localities.push(typeof parent === 'string' && parent !== '' ? { id, name, kind, parent } : { id, name, kind });
  });
  for (const locality of localities) {
    if (locality.parent !== undefined && !ids.has(locality.parent)) {
      throw new Error(`${source}: "${locality.id}" has unknown parent "${locality.parent}"`);
    }
  }
  return localities;
}

/**
 * Builds the registries and pickers used by {@link makeArticle}.
 * @param localities all localities; at least one without a parent
 * @param authors all authors; at least two
 */
export function createRegistries(localities: readonly Locality[], authors: readonly Author[]): CorpusRegistries {
  const roots = localities.filter((locality) => locality.parent === undefined);
  const root = roots.find((locality) => locality.kind.normalize('NFC') === 'tỉnh') ?? roots[0];
  if (!root) throw new Error('localities: no root (an entry without "parent")');
  if (authors.length < 2) throw new Error('authors: need at least two');
  const level = (locality: Locality): 'root' | 'district' | 'ward' =>
    locality.parent === undefined ? 'root' : DISTRICT_KINDS.has(locality.kind.normalize('NFC')) ? 'district' : 'ward';
  const shares = { root: 5, district: 60, ward: 35 };
  const sizes = { root: 0, district: 0, ward: 0 };
  for (const locality of localities) sizes[level(locality)]++;
  return {
    localities,
    authors,
    root,
    localityById: new Map(localities.map((locality) => [locality.id, locality])),
    authorById: new Map(authors.map((author) => [author.id, author])),
    localityPicker: createWeightedList(localities, (locality) => {
      const group = level(locality);
      return shares[group] / sizes[group];
    }),
    authorPicker: createWeightedList(authors, (_author, index) => 1 / (index + 1) ** 0.7),
  };
}

const TAG_PICKER = createWeightedList(TAGS, (_tag, index) => 1 / (index + 3));
const CATEGORY_PICKER = createWeightedList(CATEGORY_IDS, (_id, index) => at(CATEGORY_WEIGHTS, index));

// ---------------------------------------------------------------------------
// Articles

/**
 * Generates article `index`; pure given the random source.
 * @param index zero-based article index (determines the slug suffix)
 * @param rand random source dedicated to this article (see {@link deriveSeed})
 * @param registries localities, authors and their pickers
 */
export function makeArticle(index: number, rand: Random, registries: CorpusRegistries): CorpusArticle {
  const dayOffset = randomInt(rand, 0, TOTAL_DAYS - 1);
  const date = formatLocalDate(dayOffset, randomInt(rand, 6, 22), randomInt(rand, 0, 59));
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const category = pickWeighted(rand, CATEGORY_PICKER);
  const locality = pickWeighted(rand, registries.localityPicker);
  const authorIds = pickDistinctWeighted(rand, registries.authorPicker, rand() < 0.8 ? 1 : 2).map((author) => author.id);
  const singleAuthor = rand() < 0.3;
  const context: FillContext = {
    rand,
    lexicon: CATEGORY_LEXICON[category],
    loc: localityLabel(locality),
    locName: localityShortName(locality),
    province: localityLabel(registries.root),
    provinceName: localityShortName(registries.root),
    year,
    month,
  };

  const title = capitalize(fillTemplate(pick(rand, lexiconList('title', context)), context));
  const tags = pickDistinctWeighted(rand, TAG_PICKER, randomInt(rand, 1, 4));
  const summaryParts = [capitalize(fillTemplate(pick(rand, lexiconList('lead', context)), context))];
  if (rand() < 0.5) summaryParts.push(capitalize(fillTemplate(pick(rand, lexiconList('sentence', context)), context)));
  const summary = summaryParts.join(' ');

  const firstAuthorName = registries.authorById.get(authorIds[0] ?? '')?.name ?? 'CTV';
  const ownCredit = `Ảnh: ${firstAuthorName}`;
  const images = pickDistinctWeighted(rand, IMAGE_PICKER, randomInt(rand, 1, 3)).map((src): CorpusImage => {
    const alts = context.lexicon['alt'] ?? SHARED_ALT_TEXTS;
    const alt = capitalize(fillTemplate(pick(rand, rand() < 0.8 ? alts : SHARED_ALT_TEXTS), context));
    const caption = `${alt} ${fillTemplate(pick(rand, lexiconList('place', context)), context)}.`;
    const credit = rand() < 0.7 ? ownCredit : pick(rand, PHOTO_CREDITS);
    return { src, alt, caption, credit };
  });

  const baseSlug = truncateSlug(toSlug(title), 60) || 'bai-viet';
  const slug = `${baseSlug}-${slugSuffix(index)}`;
  const aliases = rand() < 0.02 ? [`/old-cms/${baseSlug}-${100_000 + index}.htm`] : undefined;
  const body = makeBody(rand, context, images);

  const frontMatter: ArticleFrontMatter = {
    title,
    date,
    ...(singleAuthor ? { author: authorIds[0] ?? '' } : { authors: authorIds }),
    locality: locality.id,
    category,
    tags,
    summary,
    images,
    ...(aliases ? { aliases } : {}),
  };
  const folder = `articles/${date.slice(0, 4)}/${date.slice(5, 7)}`;
  return { index, slug, path: `${folder}/${slug}.md`, frontMatter, body };
}

const IMAGE_PICKER = createWeightedList(IMAGE_POOL, () => 1);

/**
 * Composes a Markdown body of about 300–1,200 words: paragraphs from sentence templates,
 * `##` headings in half the articles, a bullet list in a fifth, each image once as its own paragraph.
 * @param rand random source
 * @param context fill context of the article
 * @param images the article's images, placed in order
 */
export function makeBody(rand: Random, context: FillContext, images: readonly CorpusImage[]): string {
  const target = randomInt(rand, 310, 1080);
  const hasHeadings = rand() < 0.5;
  const hasList = rand() < 0.2;
  const sentence = (slot: string): string => capitalize(fillTemplate(pick(rand, lexiconList(slot, context)), context));
  let words = 0;

  let list: string | undefined;
  if (hasList) {
    const lines = [sentence('bulletLead'), ''];
    for (let i = randomInt(rand, 3, 5); i > 0; i--) lines.push(`- ${sentence(rand() < 0.6 ? 'task' : 'result')}.`);
    list = lines.join('\n');
    words += countWords(list) - (lines.length - 2);
  }

  const minParagraphs = Math.max(3, images.length);
  const paragraphs: string[] = [];
  while (words < target || paragraphs.length < minParagraphs) {
    const sentences: string[] = [];
    const count = randomInt(rand, 2, 5);
    for (let i = 0; i < count; i++) {
      const text = sentence(paragraphs.length === 0 && i === 0 ? 'lead' : 'sentence');
      sentences.push(text);
      words += countWords(text);
      if (words >= target && paragraphs.length + 1 >= minParagraphs) break;
    }
    paragraphs.push(sentences.join(' '));
  }

  const count = paragraphs.length;
  const imageAfter = new Map<number, CorpusImage>();
  images.forEach((image, k) => imageAfter.set(Math.floor((k * count) / images.length), image));
  const headingBefore = new Map<number, string>();
  if (hasHeadings && count >= 4) {
    const headingCount = Math.min(4, Math.max(2, Math.floor(count / 3)));
    const pool = [...(context.lexicon['heading'] ?? []), ...(SHARED_LEXICON['heading'] ?? [])];
    const chosen = pickDistinctWeighted(rand, createWeightedList(pool, () => 1), headingCount);
    chosen.forEach((heading, j) => {
      headingBefore.set(1 + Math.floor((j * (count - 1)) / headingCount), `## ${capitalize(fillTemplate(heading, context))}`);
    });
  }
  const listAfter = list === undefined ? -1 : randomInt(rand, 1, count - 1);

  const blocks: string[] = [];
  paragraphs.forEach((paragraph, p) => {
    const heading = headingBefore.get(p);
    if (heading !== undefined) blocks.push(heading);
    blocks.push(paragraph);
    const image = imageAfter.get(p);
    if (image !== undefined) blocks.push(`![](${image.src})`);
    if (p === listAfter && list !== undefined) blocks.push(list);
  });
  return `${blocks.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------
// Rendering

/**
 * Quotes a string as a YAML double-quoted scalar. A JSON string literal is one: YAML 1.2 double-quoted
 * scalars accept every JSON character and escape; this is several times faster than `yaml`'s stringify,
 * which matters at 100,000 articles.
 * @param text any string
 */
export function yamlQuote(text: string): string {
  return JSON.stringify(text);
}

/**
 * Renders front matter as YAML (same layout as `yaml`'s stringify with double-quoted strings).
 * @param frontMatter the article's front matter
 */
export function renderFrontMatter(frontMatter: ArticleFrontMatter): string {
  const q = yamlQuote;
  const list = (key: string, items: readonly string[]): string => `${key}:\n${items.map((item) => `  - ${q(item)}\n`).join('')}`;
  let yaml = `title: ${q(frontMatter.title)}\ndate: ${q(frontMatter.date)}\n`;
  if (frontMatter.author !== undefined) yaml += `author: ${q(frontMatter.author)}\n`;
  if (frontMatter.authors !== undefined) yaml += list('authors', frontMatter.authors);
  yaml += `locality: ${q(frontMatter.locality)}\ncategory: ${q(frontMatter.category)}\n`;
  yaml += list('tags', frontMatter.tags);
  yaml += `summary: ${q(frontMatter.summary)}\nimages:\n`;
  for (const image of frontMatter.images) {
    yaml += `  - src: ${q(image.src)}\n    alt: ${q(image.alt)}\n    caption: ${q(image.caption)}\n    credit: ${q(image.credit)}\n`;
  }
  if (frontMatter.aliases !== undefined) yaml += list('aliases', frontMatter.aliases);
  return yaml;
}

/**
 * Renders an article as Markdown with YAML front matter.
 * @param article the article
 */
export function renderArticleFile(article: CorpusArticle): string {
  return `---\n${renderFrontMatter(article.frontMatter)}---\n\n${article.body}`;
}

/**
 * Renders site.yml.
 * @param seed the corpus seed, recorded in a comment
 */
export function renderSiteFile(seed: string | number): string {
  const q = yamlQuote;
  return [
    `# Corpus sinh tự động bởi scripts/generate-corpus.ts (seed ${q(String(seed))}). Không sửa tay.`,
    `title: ${q('Tin Xứ Thanh (corpus)')}`,
    `description: ${q('Kho bài viết giả lập để thử nghiệm toasoan với dữ liệu lớn.')}`,
    `baseUrl: ${q('https://corpus.example')}`,
    'language: vi',
    'timeZone: Asia/Ho_Chi_Minh',
    'publisher:',
    `  name: ${q('Báo Tin Xứ Thanh (dữ liệu giả lập)')}`,
    `embedHosts: [${q('www.youtube-nocookie.com')}]`,
    '',
  ].join('\n');
}

/**
 * Renders authors.yml.
 * @param authors the authors
 */
export function renderAuthorsFile(authors: readonly Author[]): string {
  return stringify(authors.map(({ id, name }) => ({ id, name })), YAML_OPTIONS);
}

/**
 * Renders localities.yml (used for the built-in tree).
 * @param localities the localities
 */
export function renderLocalitiesFile(localities: readonly Locality[]): string {
  return stringify(
    localities.map(({ id, name, kind, parent }) => (parent === undefined ? { id, name, kind } : { id, name, kind, parent })),
    YAML_OPTIONS,
  );
}

/**
 * Makes the raw RGB pixels of a diagonal gradient.
 * @param width width in pixels
 * @param height height in pixels
 * @param from RGB colour at the top-left corner
 * @param to RGB colour at the bottom-right corner
 */
export function gradientPixels(width: number, height: number, from: readonly number[], to: readonly number[]): Buffer {
  const pixels = Buffer.alloc(width * height * 3);
  const [r0 = 0, g0 = 0, b0 = 0] = from;
  const [r1 = 0, g1 = 0, b1 = 0] = to;
  let offset = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x / width) * 0.65 + (y / height) * 0.35;
      pixels[offset++] = Math.round(r0 + (r1 - r0) * t);
      pixels[offset++] = Math.round(g0 + (g1 - g0) * t);
      pixels[offset++] = Math.round(b0 + (b1 - b0) * t);
    }
  }
  return pixels;
}

// ---------------------------------------------------------------------------
// Disk

/**
 * Writes a complete content folder: site.yml, localities.yml, authors.yml, articles/ and media/.
 * @param options article count, output folder, seed and the rest (see {@link GenerateCorpusOptions})
 */
export async function generateCorpus(options: GenerateCorpusOptions): Promise<GenerateCorpusResult> {
  const { articles, seed = 1, force = false, authors: authorCount = 40, concurrency = 64 } = options;
  if (!Number.isInteger(articles) || articles < 0 || articles > MAX_ARTICLES) {
    throw new Error(`generateCorpus: "articles" must be an integer from 0 to ${MAX_ARTICLES}`);
  }
  if (!Number.isInteger(authorCount) || authorCount < 2) throw new Error('generateCorpus: "authors" must be an integer ≥ 2');
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('generateCorpus: "concurrency" must be an integer ≥ 1');
  if (options.out === '') throw new Error('generateCorpus: "out" is required');
  const out = path.resolve(options.out);

  const source = await loadLocalities(options.localities);
  if (source.path !== undefined && out === path.dirname(source.path)) {
    throw new Error(`generateCorpus: refusing to write into ${out}, the folder the localities are read from`);
  }
  await prepareOutput(out, force);

  const seedHash = hashSeed(seed);
  const authors = makeAuthors(createRandom(deriveSeed(seedHash, -1)), authorCount);
  const registries = createRegistries(source.localities, authors);

  let bytes = 0;
  const write = async (relative: string, data: string | Buffer): Promise<void> => {
    await writeFile(path.join(out, relative), data);
    bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  };
  await mkdir(path.join(out, 'articles'), { recursive: true });
  await write('site.yml', renderSiteFile(seed));
  await write('localities.yml', source.raw);
  await write('authors.yml', renderAuthorsFile(authors));

  const folders = new Map<string, Promise<unknown>>();
  const ensureFolder = (relative: string): Promise<unknown> => {
    let pending = folders.get(relative);
    if (pending === undefined) {
      pending = mkdir(path.join(out, relative), { recursive: true });
      folders.set(relative, pending);
    }
    return pending;
  };

  const writeArticle = async (index: number): Promise<void> => {
    const article = makeArticle(index, createRandom(deriveSeed(seedHash, index)), registries);
    const text = renderArticleFile(article);
    await ensureFolder(path.dirname(article.path));
    await write(article.path, text);
  };

  await Promise.all([writeImagePool(out, write), runPool(articles, concurrency, writeArticle)]);
  return {
    out,
    articles,
    authors: authors.length,
    localities: source.localities.length,
    localitiesSource: source.path ?? 'built-in',
    images: IMAGE_POOL.length,
    bytes,
  };
}

/** Localities as parsed, plus the exact text to write and where it came from. */
interface LocalitiesSource {
  localities: Locality[];
  raw: string | Buffer;
  path?: string;
}

async function loadLocalities(option: string | false | undefined): Promise<LocalitiesSource> {
  const builtIn = (): LocalitiesSource => ({ localities: [...BUILT_IN_LOCALITIES], raw: renderLocalitiesFile(BUILT_IN_LOCALITIES) });
  if (option === false) return builtIn();
  const file = path.resolve(option ?? DEFAULT_LOCALITIES_PATH);
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (error) {
    if (option === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return builtIn();
    throw error;
  }
  return { localities: parseLocalities(raw.toString('utf8'), file), raw, path: file };
}

async function prepareOutput(out: string, force: boolean): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(out);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw new Error(`generateCorpus: ${out} is not a folder`);
    throw error;
  }
  if (entries.length === 0) return;
  if (!force) throw new Error(`generateCorpus: ${out} is not empty (use --force to overwrite the generated entries)`);
  await Promise.all(GENERATED_ENTRIES.map((entry) => rm(path.join(out, entry), { recursive: true, force: true })));
}

async function writeImagePool(out: string, write: (relative: string, data: Buffer) => Promise<void>): Promise<void> {
  let sharp: typeof import('sharp').default;
  try {
    sharp = (await import('sharp')).default;
  } catch (error) {
    throw new Error('generateCorpus: the "sharp" package is needed to write media/', { cause: error });
  }
  await mkdir(path.join(out, 'media'), { recursive: true });
  await Promise.all(
    IMAGE_POOL.map(async (file, index) => {
      const [from, to] = at(IMAGE_COLOURS, index % IMAGE_COLOURS.length);
      const jpeg = await sharp(gradientPixels(IMAGE_WIDTH, IMAGE_HEIGHT, from, to), {
        raw: { width: IMAGE_WIDTH, height: IMAGE_HEIGHT, channels: 3 },
      })
        .jpeg({ quality: 50 })
        .toBuffer();
      await write(path.join('media', file), jpeg);
    }),
  );
}

async function runPool(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
