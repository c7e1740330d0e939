import type { RunContext } from './event.js';

/** Links to lines point at the commit that was scanned: the PR head, else the run's commit. */
export function linkBase(context: RunContext): string | undefined {
  const sha = context.pullRequest?.headSha ?? context.sha;
  if (!context.repository || !sha) return undefined;
  return `${context.serverUrl}/${context.repository.owner}/${context.repository.repo}/blob/${sha}`;
}
