export { defaultBudgets, weighPage, type Budgets, type PageWeight } from './budgets.ts'
export {
  axeGate,
  budgetGates,
  formatReport,
  frontPageGate,
  lighthouseGates,
  lighthouseGatesOfRuns,
  linksGate,
  vnuGate,
  type AxeResult,
  type GateResult,
  type LighthouseResult,
  type VnuResult,
} from './gates.ts'
export { runAudit, samplePages, type AuditOptions } from './run-audit.ts'
export { brokenLinks, lookAtFrontPage, runAxe, runLighthouse, runVnu, type PagePart } from './tools.ts'
