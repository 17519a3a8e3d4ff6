import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { aliasOutputPath } from '../../../src/site/alias-path.ts'

const test = suite('aliasOutputPath')

test('should place an alias inside the output folder', () => {
  assert.equal(aliasOutputPath('/cu/tin-phuong.htm'), { path: 'cu/tin-phuong.htm' })
  assert.equal(aliasOutputPath('/cu/tin-phuong/'), { path: 'cu/tin-phuong/index.html' })
  assert.equal(aliasOutputPath('/cu//tin-phuong'), { path: 'cu/tin-phuong/index.html' })
  assert.equal(aliasOutputPath('/tin-t%E1%BB%A9c/'), { path: 'tin-tức/index.html' })
  assert.equal(aliasOutputPath('/50%25-giam-gia.html'), { path: '50%-giam-gia.html' })
})

test('should refuse every alias that could leave the output folder or cannot be requested', () => {
  for (const alias of [
    '/../x.html',
    '/a/%2e%2e/%2E%2E/x.html',
    '/a/./b.html',
    '/a/%2e/b.html',
    '//host/x',
    '/a\\..\\x.html',
    '/a/%5C..%5Cx.html',
    '/a%2F..%2Fx.html',
    '/a/%00.html',
    '/a/%0A.html',
    '/a/%E0%A4%A',
    '/a/%zz.html',
    '/a/%',
  ]) {
    assert.ok('reason' in aliasOutputPath(alias), alias)
  }
})

test.run()
