#!/usr/bin/env node
// The `toasoan` command: registers TypeScript support, then hands over to src/cli/cli.ts.
import { spawn } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { cliBundle, keepCompiledCode } from './cli-bundle.js'

// A larger young generation: loading and planning 100,000 articles allocate millions of small,
// long-lived objects, and V8's default (16 MB semi-spaces) spent a third of a no-op rebuild in
// garbage collection (24.0 s → 19.3 s at 100,000 articles with 128 MB). The flag only works at
// start-up, so the command starts itself again with it, unless it is already set.
const youngGeneration = '--max-semi-space-size=128'
/** Signals the launcher passes on to the command it started (SIGKILL and SIGSTOP cannot be caught). */
const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2', 'SIGWINCH']
const hasFlag = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((arg) => arg.startsWith('--max-semi-space-size'))
if (!hasFlag) {
  const args = process.argv.slice(2)
  // An IPC channel (unused for messages) tells the command when this launcher dies, even by
  // SIGKILL, which cannot be forwarded: see below.
  const child = spawn(process.execPath, [...memoryFlags(args), ...process.execArgv, fileURLToPath(import.meta.url), ...args], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, TOASOAN_LAUNCHED: '1' },
  })
  const forward = (signal) => child.kill(signal)
  for (const signal of forwarded) process.on(signal, forward)
  child.on('exit', (code, signal) => {
    // Die of the same signal: with the forwarding handlers still in place, it would be ignored.
    if (signal) {
      for (const name of forwarded) process.off(name, forward)
      process.kill(process.pid, signal)
    } else process.exit(code ?? 1)
  })
} else {
  // Started by the launcher above: when it dies (`kill -9` on `toasoan`), the channel closes, and
  // the command stops as on SIGTERM (a build at a safe point) instead of running on, adopted by PID 1.
  if (process.env.TOASOAN_LAUNCHED === '1' && process.channel) {
    process.channel.unref()
    process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'))
  }
  delete process.env.TOASOAN_LAUNCHED
  // Temporary files (tsx's compile cache among them) go under .cache/tmp, never outside the
  // project; tsx reads the folder when it loads, so this comes first.
  await import('./local-tmp.js')
  // Our TypeScript compiles with the package's own tsconfig (JSX through preact, among others),
  // never with one tsx would look for from the working folder: the command runs from any folder.
  // The variable carries the choice to what registers tsx again: the loading workers
  // (src/content/load.ts) inherit it.
  const tsconfig = fileURLToPath(new URL('../tsconfig.json', import.meta.url))
  process.env.TSX_TSCONFIG_PATH = tsconfig
  // The code compiled ahead (scripts/cli-bundle.js); through tsx when it cannot be (a read-only
  // install), or when TOASOAN_TSX=1 asks for the sources as they are.
  const bundle = process.env.TOASOAN_TSX === '1' ? undefined : await cliBundle().catch(() => undefined)
  if (bundle !== undefined) keepCompiledCode()
  if (bundle === undefined) {
    const { register } = await import('tsx/esm/api')
    register({ tsconfig })
  }
  const { main } = bundle === undefined ? await import('../src/cli/cli.ts') : await import(pathToFileURL(bundle).href)
  process.exitCode = await main(process.argv.slice(2))
}

/**
 * V8's flags for a command. A shard of a cold build (`build --shard`) runs on a CI runner of its
 * own, where memory is the limit: small semi-spaces and an old generation sized for the archive
 * (16 KB an article, at least 1 GB; the live heap of a 100,000-article shard is about 1 GB) make
 * V8 collect before it grows, which kept a shard of 100,000 articles under 2 GB (2.6-3.2 GB
 * without) in the same time. Everything else gets the larger young generation above.
 *
 * @param {string[]} args The command's arguments.
 * @returns {string[]}
 */
function memoryFlags(args) {
  if (args[0] === 'import') return importMemoryFlags(args)
  // most-read makes a few objects per log line that die at once: V8's default young generation
  // collects them as fast, and the larger one was resident memory only (see docs/benchmarks-features.md).
  if (args[0] === 'most-read') return ['--max-semi-space-size=16']
  if (args[0] !== 'build' || !args.some((arg) => arg === '--shard' || arg.startsWith('--shard='))) return [youngGeneration]
  const at = args.findIndex((arg) => arg === '--content' || arg.startsWith('--content='))
  const content = at === -1 ? 'content' : args[at].startsWith('--content=') ? args[at].slice('--content='.length) : (args[at + 1] ?? 'content')
  let articles = 0
  try {
    for (const entry of readdirSync(join(content, 'articles'), { recursive: true })) if (String(entry).endsWith('.md')) articles++
  } catch {
    // No articles folder: the command says so itself.
  }
  return ['--max-semi-space-size=32', `--max-old-space-size=${Math.max(1024, Math.ceil((articles * 16) / 1024))}`]
}

// An import streams its export and keeps a few hundred bytes a post (ids, paths, attachments), but
// V8, left to its default limits, let garbage grow the heap past 1.5 GB at 100,000 posts before
// collecting it. Small semi-spaces, and an old generation capped by the export's size (1 MB per MB,
// at least 512 MB), keep the process near what it holds.
function importMemoryFlags(args) {
  let megabytes = 0
  if (args[1] === 'wordpress' && args[2] !== undefined) {
    try {
      megabytes = Math.ceil(statSync(args[2]).size / 1024 ** 2)
    } catch {
      // Not readable: the command says so itself.
    }
  }
  return ['--max-semi-space-size=32', `--max-old-space-size=${Math.max(512, megabytes)}`]
}
