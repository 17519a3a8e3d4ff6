export { didYouMean, type NamedCandidate } from './did-you-mean.ts'
export { escapeGithubData, escapeGithubProperty, formatGithub } from './github-format.ts'
export { countProblems, formatProblems, hasErrors, report } from './report.ts'
export { rules, withSuggestion, type Rule, type RuleArgs, type RuleId, type Severity } from './rules.ts'
