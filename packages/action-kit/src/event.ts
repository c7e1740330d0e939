import { existsSync, readFileSync } from 'node:fs';

/** What an action needs from the event that started the run. */
export interface RunContext {
  readonly repository?: { readonly owner: string; readonly repo: string };
  readonly pullRequest?: PullRequestRef;
  readonly serverUrl: string;
  readonly apiUrl: string;
  readonly runUrl?: string;
  readonly sha?: string;
}

export interface PullRequestRef {
  readonly number: number;
  readonly baseSha: string;
  readonly headSha: string;
  /** The head repository differs from the base one: the token is read-only there. */
  readonly fromFork: boolean;
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const event = readEvent(env.GITHUB_EVENT_PATH);
  const pr = event?.pull_request as Record<string, unknown> | undefined;
  const base = pr?.base as { sha?: string; repo?: { full_name?: string } } | undefined;
  const head = pr?.head as { sha?: string; repo?: { full_name?: string } } | undefined;
  const repository = owner && repo ? { owner, repo } : undefined;
  return {
    serverUrl,
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    ...(repository ? { repository } : {}),
    ...(repository && env.GITHUB_RUN_ID
      ? { runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` }
      : {}),
    ...(env.GITHUB_SHA ? { sha: env.GITHUB_SHA } : {}),
    ...(pr && typeof pr.number === 'number' && base?.sha && head?.sha
      ? {
          pullRequest: {
            number: pr.number,
            baseSha: base.sha,
            headSha: head.sha,
            fromFork: !!head.repo?.full_name && head.repo.full_name !== base.repo?.full_name,
          },
        }
      : {}),
  };
}

function readEvent(path: string | undefined): Record<string, unknown> | undefined {
  if (!path || !existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
