import { parseArgs } from 'node:util'
import { readFileSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { didYouMean } from '../problems/did-you-mean.ts'
import { UsageError } from '../shared/usage-error.ts'

// What the command line accepts besides the commands themselves, checked before any stage loads.

/** The options every command shares, as `node:util` parseArgs takes them. */
export const cliOptions = {
  content: { type: 'string', default: 'content' },
  out: { type: 'string' },
  cache: { type: 'string', default: '.cache' },
  shard: { type: 'string' },
  'base-url': { type: 'string' },
  drafts: { type: 'boolean', default: false },
  now: { type: 'string' },
  port: { type: 'string', default: '8080' },
  locality: { type: 'string' },
  author: { type: 'string' },
  date: { type: 'string' },
  format: { type: 'string', default: 'text' },
  changed: { type: 'boolean', default: false },
  wait: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const

/** The package's version, from its package.json. */
export function packageVersion(): string {
  const json = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string }
  return json.version ?? '0.0.0'
}

/**
 * Reads the options of every command but `deploy`; a malformed or unknown one is a usage error.
 *
 * @param args The arguments after the command.
 */
export function parseCliArgs(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, options: cliOptions })
  } catch (error) {
    throw optionError(error)
  }
}

/**
 * Turns an error of `parseArgs` into a usage error that names the option and, for a misspelt
 * one, the option meant.
 *
 * @param error What parseArgs threw.
 */
export function optionError(error: unknown): UsageError {
  const message = error instanceof Error ? error.message : String(error)
  const help = 'Run toasoan --help for the commands and their options.'
  const unknown = /^Unknown option '(-{1,2}[^']+)'/.exec(message)
  if (unknown) {
    const option = unknown[1] as string
    const suggestion = didYouMean(option.replace(/^-+/, ''), Object.keys(cliOptions))
    return new UsageError(`unknown option ${option}.`, suggestion === undefined ? help : `Did you mean --${suggestion}? ${help}`)
  }
  return new UsageError(message.split('\n')[0] ?? message, help)
}

/**
 * Checks that the content folder exists, so a command run from the wrong folder says so at once
 * instead of listing every registry as missing.
 *
 * @param contentDir The value of `--content`.
 * @throws {UsageError} When it is not a folder.
 */
export async function checkContentDir(contentDir: string): Promise<void> {
  const info = await stat(contentDir).catch(() => undefined)
  if (info?.isDirectory()) return
  const where = resolve(contentDir)
  throw new UsageError(
    info ? `--content: ${where} is a file, not the content folder.` : `--content: there is no content folder at ${where}.`,
    "Run toasoan from the newspaper's repository (the folder that holds content/), or give the folder: --content path/to/content."
  )
}
