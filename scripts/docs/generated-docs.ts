import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { commandTable } from './command-table.ts'
import { replaceBlock } from './generated-blocks.ts'
import { rulesTable } from './rules-table.ts'

/** The files with generated blocks, as they should read. */
export async function generatedDocs(): Promise<Array<{ file: string; text: string }>> {
  const readme = fileURLToPath(new URL('../../README.md', import.meta.url))
  const commandLine = fileURLToPath(new URL('../../docs/command-line.md', import.meta.url))
  return [
    { file: readme, text: replaceBlock(await readFile(readme, 'utf8'), 'commands', commandTable()) },
    { file: commandLine, text: replaceBlock(await readFile(commandLine, 'utf8'), 'rules', rulesTable()) },
  ]
}
