import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fixtures } from './fixtures.ts'

/** A local stand-in for Open-Meteo, answering with a recorded forecast (or failing on demand). */
export interface ForecastServer {
  /** `http://127.0.0.1:PORT/v1/forecast` */
  endpoint: string
  /** The query strings it was asked. */
  asked: URLSearchParams[]
  /** Answer 503 from now on (or again with the forecast). */
  fail: (failing: boolean) => void
  close: () => Promise<void>
}

/** Starts the server on a free port. */
export async function startForecastServer(): Promise<ForecastServer> {
  const body = await readFile(join(fixtures, 'weather', 'open-meteo-forecast.json'))
  const asked: URLSearchParams[] = []
  let failing = false
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    asked.push(url.searchParams)
    if (failing || url.pathname !== '/v1/forecast') {
      response.writeHead(failing ? 503 : 404).end()
      return
    }
    // Open-Meteo answers browsers from any origin.
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}/v1/forecast`,
    asked,
    fail: (value) => {
      failing = value
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
