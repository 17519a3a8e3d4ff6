// @11ty/eleventy-dev-server ships no type declarations; this covers what `toasoan serve` uses.
declare module '@11ty/eleventy-dev-server' {
  interface DevServer {
    serve(port: number): void
    reload(event: object): void
  }
  const EleventyDevServer: {
    getServer(name: string, dir: string, options: { liveReload?: boolean; domDiff?: boolean }): DevServer
  }
  export default EleventyDevServer
}
