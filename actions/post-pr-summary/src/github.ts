import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { MARKER } from './comment.js';

const KitOctokit = Octokit.plugin(retry, throttling);
export type GitHub = InstanceType<typeof KitOctokit>;

/** How many times a rate-limited request is retried (primary and secondary limits). */
const RATE_LIMIT_RETRIES = 3;

export function createGitHub(token: string, baseUrl: string, log: (line: string) => void): GitHub {
  return new KitOctokit({
    auth: token,
    baseUrl,
    userAgent: 'ztkit-post-pr-summary',
    // plugin-retry backs off on 5xx; 429 is left to the throttling plugin, which honours retry-after.
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    throttle: {
      onRateLimit: (after, options, _o, count) => {
        log(`Rate limit reached for ${options.method} ${options.url}; retry ${count + 1} in ${after}s.`);
        return count < RATE_LIMIT_RETRIES;
      },
      onSecondaryRateLimit: (after, options, _o, count) => {
        log(`Secondary rate limit for ${options.method} ${options.url}; retry ${count + 1} in ${after}s.`);
        return count < RATE_LIMIT_RETRIES;
      },
    },
    log: { debug: () => {}, info: () => {}, warn: log, error: log },
  });
}

export interface Identity {
  readonly login: string;
  /** How we learnt it, for the log. */
  readonly source: string;
}

/**
 * Who will author the comment. `GET /user` answers for personal tokens; for the workflow's
 * GITHUB_TOKEN (an installation token) it is 403 "Resource not accessible by integration", and the
 * author of comments made with that token is the `github-actions[bot]` user. A GitHub App's token
 * gets the same 403: name the app's bot (`<slug>[bot]`) in the `comment-author` input then.
 */
export async function identify(gh: GitHub, override: string): Promise<Identity> {
  if (override) return { login: override, source: 'comment-author input' };
  try {
    const { data } = await gh.request('GET /user');
    return { login: data.login, source: 'GET /user' };
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status === 401 || status === 403 || status === 404)
      return { login: 'github-actions[bot]', source: `GET /user answered ${status}: assuming GITHUB_TOKEN` };
    throw e;
  }
}

export interface IssueComment {
  readonly id: number;
  readonly body?: string;
  readonly html_url: string;
  readonly user: { readonly login: string } | null;
}

export interface Thread {
  readonly owner: string;
  readonly repo: string;
  readonly issue: number;
}

/** Our earlier comment: carries the marker AND was written by us (anyone can paste the marker). */
export async function findStickyComment(
  gh: GitHub,
  thread: Thread,
  author: string,
): Promise<IssueComment | undefined> {
  for (let page = 1; page <= 50; page++) {
    const { data } = await gh.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner: thread.owner,
      repo: thread.repo,
      issue_number: thread.issue,
      per_page: 100,
      page,
    });
    const ours = (data as IssueComment[]).find(
      (c) => c.body?.includes(MARKER) && c.user?.login.toLowerCase() === author.toLowerCase(),
    );
    if (ours) return ours;
    if (data.length < 100) return undefined;
  }
  return undefined;
}

export type Upsert = { readonly action: 'created' | 'updated'; readonly comment: IssueComment };

export async function upsertComment(
  gh: GitHub,
  thread: Thread,
  existing: IssueComment | undefined,
  body: string,
): Promise<Upsert> {
  if (existing) {
    const { data } = await gh.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      owner: thread.owner,
      repo: thread.repo,
      comment_id: existing.id,
      body,
    });
    return { action: 'updated', comment: data as IssueComment };
  }
  const { data } = await gh.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: thread.owner,
    repo: thread.repo,
    issue_number: thread.issue,
    body,
  });
  return { action: 'created', comment: data as IssueComment };
}

/** The token cannot write here: a fork's pull request, or `pull-requests: write` not granted. */
export function isReadOnlyToken(e: unknown): boolean {
  const err = e as { status?: number; message?: string };
  return err.status === 403 && /not accessible by integration|permission/i.test(err.message ?? '');
}
