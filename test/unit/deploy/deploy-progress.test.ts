import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createProgress, type RemoteState } from '../../../src/deploy/index.ts'

const test = suite('deploy/deploy-progress')

const local = Object.fromEntries(['/a', '/b', '/c', '/d', '/e'].map((path, index) => [path, { hash: `h${index}`, size: index }]))
const start: RemoteState = { files: { '/old': { hash: 'o', size: 1 } }, pending: ['/a', '/b', '/c', '/d', '/e', '/gone'], rules: 'r' }

test('should store uploads in batches, each state whole and in order, and the rest on save', async () => {
  const stored: RemoteState[] = []
  const progress = createProgress({ state: start, local, every: 2, everyMs: 60_000, write: async (state) => void stored.push(state) })
  for (const path of ['/a', '/b', '/c', '/d', '/e']) await progress.uploaded(path)
  assert.equal(
    stored.map((state) => state.pending),
    [
      ['/c', '/d', '/e', '/gone'],
      ['/e', '/gone'],
    ]
  )
  await progress.save()
  assert.is(stored.length, 3)
  assert.equal(stored[2], { files: { '/old': { hash: 'o', size: 1 }, ...local }, pending: ['/gone'], rules: 'r' })
  await progress.save()
  assert.is(stored.length, 3, 'nothing new, nothing stored')
  assert.is(progress.count(), 5)
})

test('should wait for the stores in flight when settled, storing nothing new', async () => {
  const stored: RemoteState[] = []
  let release = (): void => {}
  const write = (state: RemoteState): Promise<void> =>
    new Promise((resolve) => {
      release = () => {
        stored.push(state)
        resolve()
      }
    })
  const progress = createProgress({ state: start, local, every: 2, everyMs: 60_000, write })
  await progress.uploaded('/a')
  const batch = progress.uploaded('/b')
  await progress.uploaded('/c')
  let settled = false
  const waiting = progress.settled().then(() => {
    settled = true
  })
  await new Promise((resolve) => setTimeout(resolve, 10))
  assert.not.ok(settled, 'the batch is still being stored')
  release()
  await Promise.all([batch, waiting])
  assert.equal(
    stored.map((state) => state.pending),
    [['/c', '/d', '/e', '/gone']],
    'the batch in flight, not the upload after it'
  )
})

test('should store after a while even without a full batch', async () => {
  const stored: RemoteState[] = []
  const progress = createProgress({ state: start, local, every: 500, everyMs: 0, write: async (state) => void stored.push(state) })
  await progress.uploaded('/a')
  assert.equal(stored[0]?.files['/a'], local['/a'])
})

test('should go on storing after a store failed, the failure reported to its caller', async () => {
  const stored: RemoteState[] = []
  let fail = true
  const write = async (state: RemoteState): Promise<void> => {
    if (fail) throw new Error('503')
    stored.push(state)
  }
  const progress = createProgress({ state: start, local, every: 1, everyMs: 60_000, write })
  const error = await progress.uploaded('/a').then(
    () => undefined,
    (failure: unknown) => failure
  )
  assert.match(String(error), /503/)
  fail = false
  await progress.uploaded('/b')
  assert.equal(stored.at(-1)?.pending, ['/c', '/d', '/e', '/gone'], 'the later state holds both uploads')
})

test.run()
