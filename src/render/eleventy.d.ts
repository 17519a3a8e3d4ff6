// Eleventy 3 ships no type declarations; this covers the part of its API toasoan and the
// newsroom's `toasoan.config.ts` use.
declare module '@11ty/eleventy' {
  /** Eleventy's configuration API, as passed to the `config` callback. */
  export interface EleventyConfig {
    addTemplate(path: string, content: string | { data: object; render: (data: never) => string }, data?: object): void
    /** `writeMode: 'async'` writes pages with asynchronous file calls instead of blocking ones. */
    configureTemplateHandling(options: { writeMode?: 'sync' | 'async' }): void
    setLibrary(extension: string, library: { render: (text: string, data?: object) => string }): void
    addGlobalData(name: string, value: unknown): void
    addFilter(name: string, filter: (...args: never[]) => unknown): void
    addShortcode(name: string, shortcode: (...args: never[]) => string | Promise<string>): void
    addPairedShortcode(name: string, shortcode: (content: string, ...args: never[]) => string | Promise<string>): void
    addTransform(name: string, transform: (this: { page: { outputPath: string } }, content: string) => string | Promise<string>): void
    addPassthroughCopy(paths: string | Record<string, string>): void
    addPlugin(plugin: (config: EleventyConfig, options?: never) => void | Promise<void>, options?: object): void | Promise<void>
  }

  /** Options of the programmatic API. */
  export interface EleventyOptions {
    quietMode?: boolean
    configPath?: string
    config?: (config: EleventyConfig) => void | Promise<void>
  }

  /** The programmatic Eleventy. */
  export default class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions)
    write(): Promise<unknown>
    disableLogger(): void
  }
}
