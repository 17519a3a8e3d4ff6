/**
 * Serialises the folder-level YAML files: site.yml, authors.yml and localities.yml.
 */
import { stringify } from 'yaml'
import type { Author, Locality } from './registries.ts'
import { yamlQuote } from './render-article-file.ts'

/** yaml options: double-quote every string, never fold long lines. */
const YAML_OPTIONS = { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 } as const

/**
 * Renders site.yml.
 * @param seed the corpus seed, recorded in a comment
 */
export function renderSiteFile(seed: string | number): string {
  const q = yamlQuote
  return [
    `# Corpus sinh tự động bởi npm run corpus (seed ${q(String(seed))}). Không sửa tay.`,
    `title: ${q('Tin Xứ Thanh (corpus)')}`,
    `description: ${q('Kho bài viết giả lập để thử nghiệm toasoan với dữ liệu lớn.')}`,
    `baseUrl: ${q('https://corpus.example')}`,
    'language: vi',
    'timeZone: Asia/Ho_Chi_Minh',
    'publisher:',
    `  name: ${q('Báo Tin Xứ Thanh (dữ liệu giả lập)')}`,
    `  logo: ${q('https://corpus.example/logo.png')}`,
    `embedHosts: [${q('www.youtube-nocookie.com')}]`,
    '',
  ].join('\n')
}

/**
 * Renders authors.yml.
 * @param authors the authors
 */
export function renderAuthorsFile(authors: readonly Author[]): string {
  return stringify(
    authors.map(({ id, name }) => ({ id, name })),
    YAML_OPTIONS
  )
}

/**
 * Renders localities.yml (used for the built-in tree).
 * @param localities the localities
 */
export function renderLocalitiesFile(localities: readonly Locality[]): string {
  return stringify(
    localities.map(({ id, name, kind, parent }) => (parent === undefined ? { id, name, kind } : { id, name, kind, parent })),
    YAML_OPTIONS
  )
}
