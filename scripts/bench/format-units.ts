/**
 * A count with thousands separators (`129,842`).
 *
 * @param n The count.
 */
export const thousands = (n: number): string => n.toLocaleString('en-US')

/**
 * A wall time in seconds (`6.84 s`, `110.5 s`).
 *
 * @param ms Milliseconds.
 */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`

/**
 * A memory size in GB (`2.31 GB`).
 *
 * @param bytes Bytes.
 */
export const gigabytes = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(2)} GB`

/**
 * A file size in MB (`3.3 MB`, `335 MB`).
 *
 * @param bytes Bytes.
 */
export const megabytes = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(bytes < 10 * 1024 ** 2 ? 1 : 0)} MB`

/**
 * A folder's size and file count (`335 MB, 24,491 files`).
 *
 * @param totals From `treeTotals`.
 */
export const folderSize = (totals: { files: number; bytes: number }): string => `${megabytes(totals.bytes)}, ${thousands(totals.files)} files`
