import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'

/** How bad an import problem is: an error leaves something out and makes the import exit 1. */
type Severity = 'error' | 'warning'

interface ImportRule {
  severity: Severity
  hint: string
}

/**
 * The import's problems by stable rule id, each with what to do. The message (what went wrong)
 * is written where the problem is found; ids never change once published.
 */
export const importRules = {
  'invalid-xml': {
    severity: 'error',
    hint: 'The export is cut short or damaged: export it again from WordPress (Tools → Export), or fix the XML at that place.',
  },
  'unknown-shortcode': {
    severity: 'warning',
    hint: 'Its tags were removed and the text inside kept; rewrite that part of the article by hand if it held more.',
  },
  'missing-media': {
    severity: 'warning',
    hint: 'Put the file in the --media folder (a copy of wp-content/uploads, or of the old site) and import again; the image was left out.',
  },
  'media-conflict': { severity: 'warning', hint: 'A different file is already in the content folder at that path; it was left as it is.' },
  'external-image': {
    severity: 'warning',
    hint: 'The image is not under the old uploads address, so it stays a link to the other site; download it if it matters.',
  },
  'dropped-embed': { severity: 'warning', hint: 'Only YouTube embeds are kept; embed the media again by hand, or add its host to embedHosts in site.yml.' },
  'unmapped-category': { severity: 'warning', hint: 'Map its slug in --map (localities: or categories:); until then it is kept as a tag.' },
  'no-locality': { severity: 'error', hint: 'Give --locality ID for posts no rule of --map places, or map one of its categories or tags to a locality.' },
  'unknown-map-id': { severity: 'error', hint: 'Use an id of the registry (localities.yml, categories.yml, authors.yml), or add it there first.' },
  'invalid-map': {
    severity: 'error',
    hint: 'The map is YAML with three optional mappings: localities: {slug: id}, categories: {slug: id}, authors: {login: id}.',
  },
  'edited-since-import': {
    severity: 'warning',
    hint: "The file was changed after the import wrote it, so it was left as it is; merge the old site's change by hand, or delete the file to import it again.",
  },
  'not-imported-file': { severity: 'warning', hint: 'A file the import did not write is at that path; it was left as it is. Rename one of them.' },
  'protected-post': {
    severity: 'warning',
    hint: 'A static site has no passwords: it was imported as a draft. Publish it (remove draft: true) only if it may be public.',
  },
  'moved-post': {
    severity: 'warning',
    hint: "The post changed its date or slug on the old site. Delete the old file (and its comments folder) once the new one is checked: both carry the post's old address as an alias.",
  },
  'skipped-item': { severity: 'warning', hint: 'Nothing was written for it.' },
  'selector-missed': {
    severity: 'warning',
    hint: 'The page was not imported. If it is an article, check the selector against it (the browser\'s developer tools, "Copy selector") and fix the config; index and section pages of a mirror are skipped this way.',
  },
  'invalid-date': { severity: 'error', hint: 'Check dateFormat in the config against the date on the page (luxon tokens: dd/MM/yyyy HH:mm).' },
  'invalid-config': { severity: 'error', hint: "See docs/import.md for the config's keys." },
} as const satisfies Record<string, ImportRule>

/** The id of an import rule. */
export type ImportRuleId = keyof typeof importRules

/**
 * Records an import problem on a source file (the export, a saved page, the map) at a place in it.
 *
 * @param file The source file.
 * @param id The rule id.
 * @param reason What went wrong, naming the post.
 * @param place Where; the start of the file when unknown.
 */
export function reportImport(file: VFile, id: ImportRuleId, reason: string, place?: Point | Position): VFileMessage {
  const rule: ImportRule = importRules[id]
  const message = file.message(reason, { place: place ?? { line: 1, column: 1 }, ruleId: id, source: 'toasoan-import' })
  message.fatal = rule.severity === 'error'
  message.note = rule.hint
  return message
}
