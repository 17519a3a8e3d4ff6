import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { VFile } from 'vfile'
import { escapeGithubData, escapeGithubProperty, formatGithub, report } from '../../../src/problems/index.ts'

const test = suite('formatGithub')

test('should escape %, CR and LF in messages, and also : and , in properties', () => {
  assert.is(escapeGithubData('50% done\r\nnext'), '50%25 done%0D%0Anext')
  assert.is(escapeGithubProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A')
})

test('should print each problem as a workflow command at its line and column, sorted, then the summary', () => {
  const file = new VFile({ path: '/repo/content/articles/2019/10/a,b:c.md' })
  report(file, 'unknown-key', { key: 'localty', suggestion: 'locality' }, { line: 7, column: 1 })
  report(file, 'unknown-locality', { id: 'tp-thanh-hao', suggestion: 'tp-thanh-hoa' }, { line: 4, column: 11 })
  const lines = formatGithub([file], '/repo').split('\n')
  assert.equal(lines, [
    '::error file=content/articles/2019/10/a%2Cb%3Ac.md,line=4,col=11,title=[unknown-locality]::Unknown locality "tp-thanh-hao". Did you mean "tp-thanh-hoa"?%0Ahint: Use an id from localities.yml, or add the locality there first.',
    '::warning file=content/articles/2019/10/a%2Cb%3Ac.md,line=7,col=1,title=[unknown-key]::Unknown front-matter key "localty" is ignored. Did you mean "locality"?%0Ahint: Remove the key or correct its spelling; unknown keys never reach the page.',
    '1 error, 1 warning',
  ])
})

test.run()
