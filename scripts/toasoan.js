#!/usr/bin/env node
// The `toasoan` command: registers TypeScript support, then hands over to src/cli.ts.
// Temporary files (tsx's compile cache among them) go under .cache/tmp, never outside the project;
// tsx reads the folder when it loads, so this comes first.
await import('./local-tmp.js')
const { register } = await import('tsx/esm/api')
register()
const { main } = await import('../src/cli.ts')
process.exitCode = await main(process.argv.slice(2))
