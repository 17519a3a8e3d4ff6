import { gzipSync } from 'node:zlib'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parseRemoteState, type RemoteState, stateSerialiser } from '../../../src/deploy/index.ts'

const test = suite('deploy/remote-state')

const files = { '/a/index.html': { hash: 'h1', size: 10 }, '/b.css': { hash: 'h2', size: 2 } }
const keys = { '/a/index.html': 'k1', '/2019/05/': 'k2' }

test('should serialise states that share their entries as JSON.stringify does, each object once', () => {
  const serialise = stateSerialiser()
  const states: RemoteState[] = [
    { files, pending: ['/gone.html'], rules: 'r1', keys },
    { files, pending: [], rules: 'r1', keys },
    { files: {}, pending: ['/"quoted"'], rules: 'r"2' },
  ]
  for (const state of states) {
    const text = serialise(state)
    assert.equal(JSON.parse(text), JSON.parse(JSON.stringify(state)))
    assert.equal(parseRemoteState(gzipSync(text)), state, 'read back as the deploy reads it')
  }
})

test.run()
