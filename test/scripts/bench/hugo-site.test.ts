import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { hugoArticleText, hugoAtLeast, hugoSiteFiles, parseHugoVersion } from '../../../scripts/bench/index.ts'

const test = suite('bench/hugo-site')

test('should read and compare Hugo versions', () => {
  assert.is(parseHugoVersion('hugo v0.111.3+extended linux/amd64 BuildDate=unknown'), '0.111.3')
  assert.ok(hugoAtLeast('0.128.0', [0, 128]))
  assert.not.ok(hugoAtLeast('0.111.3', [0, 128]))
  assert.ok(hugoAtLeast('1.0', [0, 128]))
})

test('should configure pagination the way the Hugo version expects', () => {
  assert.match(hugoSiteFiles('0.111.3')['hugo.toml'] ?? '', /^paginate = 20$/m)
  assert.match(hugoSiteFiles('0.140.0')['hugo.toml'] ?? '', /\[pagination\]\n\s+pagerSize = 20/)
  assert.match(hugoSiteFiles('0.111.3')['hugo.toml'] ?? '', /locality = "locality"/)
})

test('should give Hugo an ISO 8601 date in Hà Nội time and change nothing else', () => {
  const text = '---\ntitle: "Tin"\ndate: "2025-12-27 09:47"\nupdated: "2025-12-28 10:00"\n---\n\nBody 2025-12-27 09:47.\n'
  assert.is(hugoArticleText(text), text.replace('date: "2025-12-27 09:47"', 'date: "2025-12-27T09:47:00+07:00"'))
})

test.run()
