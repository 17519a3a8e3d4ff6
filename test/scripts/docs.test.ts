import { readFile } from 'node:fs/promises'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { commandNames } from '../../src/cli/cli.ts'
import { rules } from '../../src/problems/rules.ts'
import { generatedDocs } from '../../scripts/docs/generated-docs.ts'

// The README's command table and the docs' rules table are made from the code: a command or a rule
// added without `npm run docs` fails here.
const test = suite('scripts/docs')

test('should find the generated tables up to date (run npm run docs)', async () => {
  for (const { file, text } of await generatedDocs()) assert.is(await readFile(file, 'utf8'), text, `${file} is up to date`)
})

test('should list every command and every rule', async () => {
  const [readme, commandLine] = await generatedDocs()
  for (const name of commandNames.filter((name) => name !== 'help' && name !== 'version')) assert.match(readme?.text ?? '', `| \`toasoan ${name}`)
  for (const id of Object.keys(rules)) assert.match(commandLine?.text ?? '', `| \`${id}\` |`)
})

test.run()
