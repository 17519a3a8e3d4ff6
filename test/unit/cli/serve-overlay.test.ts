import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { VFile } from 'vfile'
import { formatProblems, report } from '../../../src/problems/index.ts'
import { pagePath, parseProblems } from '../../../src/cli/serve-overlay.ts'

const test = suite('serve-overlay')

test('should read back the problems a build printed, with their hints', () => {
  const file = new VFile({ path: '/repo/content/articles/2019/10/x.md' })
  report(file, 'unknown-locality', { id: 'tp-thanh-hao', suggestion: 'tp-thanh-hoa' }, { line: 4, column: 11 })
  report(file, 'missing-alt', { src: 'a.jpg' }, { line: 9, column: 5 })
  const printed = `${formatProblems([file], '/repo')}\nBuild failed: dist was left as it was.\n`
  assert.equal(parseProblems(printed), [
    {
      place: 'content/articles/2019/10/x.md:4:11',
      severity: 'error',
      message: 'Unknown locality "tp-thanh-hao". Did you mean "tp-thanh-hoa"?',
      rule: 'unknown-locality',
      hint: 'Use an id from localities.yml, or add the locality there first.',
    },
    {
      place: 'content/articles/2019/10/x.md:9:5',
      severity: 'warning',
      message: 'Image "a.jpg" has no alt text.',
      rule: 'missing-alt',
      hint: 'Describe the image in "alt" for readers who cannot see it.',
    },
  ])
  assert.equal(parseProblems('Built 12 pages into dist.\n'), [])
})

test('should serve pages from their HTML files, never from outside the folder', () => {
  const root = '/site/dist'
  assert.is(pagePath(root, '/'), join(root, 'index.html'))
  assert.is(pagePath(root, '/2019/10/h%E1%BB%99i/'), join(root, '2019/10/hội/index.html'))
  assert.is(pagePath(root, '/404.html'), join(root, '404.html'))
  assert.is(pagePath(root, '/assets/site.css'), undefined)
  assert.is(pagePath(root, '/../secret/'), undefined)
  assert.is(pagePath(root, '/%2e%2e/secret.html'), undefined)
  assert.is(pagePath(root, '/%E0%A4%A/'), undefined)
})

test.run()
