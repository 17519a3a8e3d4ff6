import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { keysKept } from '../../../scripts/bench/push-bench.ts'

// The push bench reports how many article keys each build kept: whether the S3 state brought the
// record along is otherwise invisible in its times.
const test = suite('push bench')

test('should read the article keys a build kept from its pages line, and none when it kept none', () => {
  const line = (tail: string): string =>
    `✓ planning site (2.1 s)\n  pages: 55 rendered, 0 from the cache, 0 carried over in 0 unchanged folders, 129,778 served by the target${tail}\n✓ preparing search (1.1 s)\n`
  assert.is(keysKept(line('; 100041 article keys kept from the last build')), 100041)
  assert.is(keysKept(line('; 100,041 article keys kept from the last build')), 100041)
  assert.is(keysKept(line('')), undefined)
})

test.run()
