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
