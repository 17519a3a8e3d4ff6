import { parse } from 'csv-parse/sync'
import type { LineParser, LineResult } from './hit.ts'

/**
 * A parser for the CSV sources, told apart by their header: a plain `path,views` (header optional;
 * views for the whole period exported), GoatCounter's export (`"2,Path",Title,Event,User-Agent,…,
 * Session,Bot,…,Date`: one row per page view, its session standing for the client) and Plausible's
 * pages export (`name,visitors,pageviews,…`: visitors already distinct). CSV cells are read with
 * csv-parse, so quoted titles with commas are fine.
 */
export function createCsvParser(): LineParser {
  let read: ((cells: string[]) => LineResult) | undefined
  return (line) => {
    if (line.trim() === '') return undefined
    let cells: string[]
    try {
      cells = (parse(line, { relax_column_count: true }) as string[][])[0] ?? []
    } catch {
      return { problem: 'not a line of CSV (an unclosed quote?)' }
    }
    if (read === undefined) {
      const header = headerReader(cells)
      if (header) {
        read = header
        return undefined
      }
      read = plainRow
    }
    return read(cells)
  }
}

function headerReader(cells: readonly string[]): ((cells: string[]) => LineResult) | undefined {
  const names = cells.map((cell) => cell.trim().toLowerCase())
  if (names[0] === 'path' && names.length === 2) return plainRow
  // GoatCounter prefixes the first field's name with the export's version: "2,Path" (quoted).
  if (/^\d+,path$/.test(names[0] ?? '')) return goatCounterRow(['path', ...names.slice(1).map((name) => name.replace(/[^a-z]/g, ''))])
  if (names[0] === 'name' && names.includes('visitors')) return plausibleRow(names.indexOf('visitors'))
  return undefined
}

function plainRow(cells: string[]): LineResult {
  const [path, views] = cells
  const count = Number(views)
  if (path === undefined || !path.startsWith('/')) return { problem: 'the first cell is not a path starting with "/"' }
  if (!Number.isInteger(count) || count < 0) return { problem: `"${views ?? ''}" is not a number of views`, column: path.length + 2 }
  return { path, status: 200, time: undefined, views: count }
}

function goatCounterRow(names: readonly string[]): (cells: string[]) => LineResult {
  const at = (name: string): number => names.indexOf(name)
  const [path, event, session, bot, date] = ['path', 'event', 'session', 'bot', 'date'].map(at) as number[]
  // No user agent: GoatCounter no longer keeps it, and flags robots itself (Bot ≠ 0).
  return (cells) => {
    const time = Date.parse(cells[date as number] ?? '')
    if (Number.isNaN(time)) return { problem: `"${cells[date as number] ?? ''}" is not a date` }
    // Events (clicks) are not page views; GoatCounter marks the robots it saw (Bot ≠ 0).
    const isView = (cells[event as number] ?? 'false') === 'false' && (cells[bot as number] ?? '0') === '0'
    return {
      path: isView ? (cells[path as number] ?? '') : '',
      status: 200,
      time,
      client: cells[session as number] ?? '',
      views: 1,
    }
  }
}

function plausibleRow(visitors: number): (cells: string[]) => LineResult {
  return (cells) => {
    const count = Number(cells[visitors])
    if (!Number.isInteger(count)) return { problem: `"${cells[visitors] ?? ''}" is not a number of visitors` }
    return { path: cells[0] ?? '', status: 200, time: undefined, views: count, distinct: true }
  }
}
