// Eleventy 3 ships no type declarations; this covers the part of its API the render stage uses.
declare module '@11ty/eleventy' {
  /** Eleventy's configuration API, as passed to the `config` callback. */
  export interface EleventyConfig {
    addTemplate(path: string, content: { data: object; render: (data: never) => string }, data?: object): void
  }

  /** Options of the programmatic API. */
  export interface EleventyOptions {
    quietMode?: boolean
    configPath?: string
    config?: (config: EleventyConfig) => void
  }

  /** The programmatic Eleventy. */
  export default class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions)
    write(): Promise<unknown>
    disableLogger(): void
  }
}
