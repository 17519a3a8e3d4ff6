import { readdirSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { VFile } from 'vfile'
import { createMarkdownProcessor, renderMarkdown } from '../../../src/markdown/index.ts'
import { figureImage } from '../../helpers/figure-image.ts'
import { fixtures } from '../../helpers/fixtures.ts'

// One folder per case, as unified's own tests: `input.md`, the `output.html` the processor makes
// of it, and `messages.txt` with the problems it reports (when there are any). `UPDATE=1 npm test`
// writes the expected files from what the code does now; review the diff before committing.
const test = suite('markdown fixtures')
const root = join(fixtures, 'markdown')
const update = process.env['UPDATE'] === '1'
const processor = createMarkdownProcessor({ embedHosts: ['www.youtube-nocookie.com'] })
/** The image every case may place: `anh.jpg`, listed with alt, caption and credit. */
const image = figureImage()

async function expected(path: string, actual: string): Promise<string | undefined> {
  if (update) {
    if (actual === '') await rm(path, { force: true })
    else await writeFile(path, actual)
  }
  return readFile(path, 'utf8').catch(() => undefined)
}

for (const name of readdirSync(root).sort()) {
  test(`should render ${name}`, async () => {
    const input = await readFile(join(root, name, 'input.md'), 'utf8')
    const file = new VFile({ path: 'input.md', value: input })
    const { html } = renderMarkdown(processor, file, new Map([[image.src, image]]))
    const messages = file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}\n`).join('')
    assert.fixture(html, (await expected(join(root, name, 'output.html'), html)) ?? '', 'output.html')
    assert.fixture(messages, (await expected(join(root, name, 'messages.txt'), messages)) ?? '', 'messages.txt')
  })
}

test.run()
