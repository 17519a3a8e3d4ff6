/**
 * A mistake in how toasoan was called (an option's value, a folder that must not be replaced), as
 * opposed to a problem in the content: the command line prints it as `toasoan: …` with its hint
 * and exits 2. The API throws it before anything is touched.
 */
export class UsageError extends Error {
  /** What to do about it. */
  readonly hint: string

  /**
   * @param message What is wrong, naming the option, e.g. `--out: "content" is the content folder`.
   * @param hint What to do instead.
   */
  constructor(message: string, hint: string) {
    super(message)
    this.name = 'UsageError'
    this.hint = hint
  }
}
