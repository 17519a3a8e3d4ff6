import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { keysKept } from '../../../scripts/bench/push-bench.ts'

// The push bench reports how many keys each build kept: whether the S3 state brought the records
// along is otherwise invisible in its times.
const test = suite('push bench')

test('should read the article and search bundle keys a build kept from its lines, and none when it kept none', () => {
  const lines = (pages: string, search: string): string =>
    `✓ planning site (2.1 s)\n  pages: 55 rendered, 0 from the cache, 0 carried over in 0 unchanged folders, 129,778 served by the target${pages}\n✓ indexing search (0.5 s)\n  search bundles: 1 indexed, 0 from the cache, 100 carried over${search}\n`
  assert.equal(keysKept(lines('; 100041 article keys kept from the last build', '; 100 keys kept from the last build')), { articles: 100041, bundles: 100 })
  assert.equal(keysKept(lines('; 100,041 article keys kept from the last build', '')), { articles: 100041 })
  assert.equal(keysKept(lines('', '')), {})
})

test.run()
