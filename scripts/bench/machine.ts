import { cpus, totalmem } from 'node:os'

/** The machine a bench ran on. */
export interface Machine {
  cores: number
  model: string
  memoryBytes: number
  node: string
}

/** Describes this machine: cores, CPU model, memory and Node's version. */
export function describeMachine(): Machine {
  const list = cpus()
  return { cores: list.length, model: list[0]?.model.trim() ?? 'unknown CPU', memoryBytes: totalmem(), node: process.version }
}
