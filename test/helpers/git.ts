import { execFileSync } from 'node:child_process'

/**
 * Runs git in a repository with a committer of its own (a test machine may have none configured),
 * returning what it prints.
 *
 * @param repo The repository's folder (`git -C`).
 */
export function gitIn(repo: string): (...args: string[]) => string {
  return (...args) => execFileSync('git', ['-C', repo, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { encoding: 'utf8' })
}

/**
 * Makes a folder a repository holding every file it has, in one commit.
 *
 * @param repo The folder.
 * @param message The commit's message.
 */
export function commitAll(repo: string, message: string): void {
  const git = gitIn(repo)
  git('init', '-q')
  git('add', '-A')
  git('commit', '-q', '-m', message)
}
