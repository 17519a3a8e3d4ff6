// Shared by the stages that write the output in folders (render, search) and the one that decides
// which folders are carried over from the live output as they are (publish).

/**
 * A folder of the output that changes as a whole: a month of articles (`2019/05`) or a search
 * bundle (`pagefind/3`). Its key hashes everything the folder holds, so an equal key means an
 * equal folder.
 */
export interface OutputUnit {
  /** Path inside the output, without leading or trailing slash. */
  path: string
  /** A hash of every file the folder holds. */
  key: string
}

/** A page folder the render stage writes, with the key of each page its key covers. */
export interface UnitPages {
  path: string
  /** The folder's key (see {@link OutputUnit}). */
  key: string
  /** Page files (`/2019/05/slug/index.html`) with their keys (whole, as the pages cache names them). */
  pages: ReadonlyArray<readonly [file: string, key: string]>
  /** Every page file the build publishes in the folder: the pages above and those always written (landing pages, redirects, feeds). */
  files: ReadonlySet<string>
}

/** A changed page folder taken from the spare output to be patched: its pages still wanted are kept, the others written. */
export interface PatchedUnit {
  /** Page files (`/dia-phuong/x/trang/3/index.html`) kept from the spare's copy, not written. */
  keep: ReadonlySet<string>
}
