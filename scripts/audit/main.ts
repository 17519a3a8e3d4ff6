/**
 * `npm run audit`: builds the sample archive, serves it on 127.0.0.1 and runs the reader-quality
 * gates (Lighthouse, axe-core, Nu HTML Checker, budgets, links). Exits 1 when any gate fails.
 */
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log('npm run audit: builds the sample archive, serves it on 127.0.0.1 and runs the reader-quality gates; exit 1 when a gate fails.')
  process.exit(0)
}

// Loaded after the help: Lighthouse, Playwright and the build take seconds to import.
const { runAudit } = await import('./index.ts')
const { results, report } = await runAudit()
console.log(report)
console.log('\n(report written to .cache/audit/report.md)')
process.exitCode = results.every((result) => result.passed) ? 0 : 1
