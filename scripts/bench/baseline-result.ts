import type { Measured } from './run-measured.ts'
import { snapshotTree, treeTotals } from './tree-snapshot.ts'

/** How a baseline generator fared: measured, failed (with why), or not run (with why). */
export type BaselineResult =
  | { tool: string; status: 'ok'; ms: number; peak: number; output: { files: number; bytes: number } }
  | { tool: string; status: 'failed' | 'skipped'; reason: string }

/**
 * Why a measured run failed, in a few words: a time-out, running out of memory, or its exit code
 * and last line of output.
 *
 * @param run The run.
 * @param timeoutMs Its time limit, for the message.
 */
export function failureReason(run: Measured, timeoutMs: number | undefined): string {
  if (run.timedOut) return `timed out after ${Math.round((timeoutMs ?? 0) / 60_000)} min`
  const exit = run.code === null ? `signal ${run.signal ?? '?'}` : `exit code ${run.code}`
  if (/heap out of memory|Reached heap limit|out of memory/i.test(run.stderr) || run.signal === 'SIGKILL') return `out of memory (${exit})`
  const last = `${run.stderr}\n${run.stdout}`
    .trim()
    .split('\n')
    .filter((line) => line.trim())
    .at(-1)
    ?.trim()
  return last ? `${exit}: ${last.slice(0, 160)}` : exit
}

/**
 * Turns a baseline's measured run into its result, counting its output when it succeeded.
 *
 * @param tool The tool's name and version, e.g. `Hugo 0.111.3`.
 * @param run The measured run.
 * @param outDir Its output folder.
 * @param timeoutMs Its time limit.
 */
export async function baselineResult(tool: string, run: Measured, outDir: string, timeoutMs: number | undefined): Promise<BaselineResult> {
  if (run.code !== 0) return { tool, status: 'failed', reason: failureReason(run, timeoutMs) }
  return { tool, status: 'ok', ms: run.ms, peak: run.memory.total, output: treeTotals(await snapshotTree(outDir)) }
}
