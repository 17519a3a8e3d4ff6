/**
 * `npm run docs`: writes the generated parts of the docs: the README's table of commands (from the
 * CLI's command table) and the rules table of docs/command-line.md (from src/problems/rules.ts).
 * `test/scripts/docs.test.ts` fails when they are out of date.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { generatedDocs } from './generated-docs.ts'

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log("npm run docs: rewrites the generated tables (the README's commands, the rules of docs/command-line.md) from the code.")
  process.exit(0)
}
for (const { file, text } of await generatedDocs()) {
  if ((await readFile(file, 'utf8')) === text) continue
  await writeFile(file, text)
  console.log(`wrote ${file}`)
}
