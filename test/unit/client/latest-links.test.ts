import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { freshLinks } from '../../../templates/client/latest-links.ts'

const test = suite('latest-links')

test('should keep neither the page itself nor what "Tin liên quan" lists', () => {
  const kept = freshLinks(['/2024/01/a/', '/2024/01/b/', '/2024/01/c/', '/2024/01/d/'], '/2024/01/b/', new Set(['/2024/01/c/']))
  assert.equal([...kept], ['/2024/01/a/', '/2024/01/d/'])
})

test('should keep everything on a page without related articles', () => {
  assert.equal([...freshLinks(['/x/', '/y/'], '/z/', new Set())], ['/x/', '/y/'])
})

test.run()
