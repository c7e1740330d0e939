import { existsSync, globSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRunner, linkBase, type Runner, readRunContext, ZTKIT_VERSION } from '@ztkit/action-kit';
import { renderMarkdown } from '@ztkit/reporters';
import { type Changes, changesSection, compareWithPrevious, composeComment, readState } from './comment.js';
import {
  createGitHub,
  findStickyComment,
  identify,
  isReadOnlyToken,
  type Thread,
  upsertComment,
} from './github.js';
import { mergeReports } from './merge.js';

/** post-pr-summary: one sticky comment and the job summary from the other actions' JSON results. */
export async function postPrSummary(runner: Runner = createRunner()): Promise<void> {
  try {
    const cwd = process.env.GITHUB_WORKSPACE || process.cwd();
    const context = readRunContext();
    const files = runner.list('results').flatMap((p) => globSync(p, { cwd }).map((f) => resolve(cwd, f)));
    const merged = mergeReports([...new Set(files)].sort());
    for (const r of merged.rejected) runner.command('warning', `Ignoring ${r.file}: ${r.reason}`);
    if (!merged.read.length) runner.command('warning', 'No ztkit JSON result matched the results input.');
    const { result } = merged;
    const title = runner.input('title', 'ztkit Zero Trust network scan');
    const diagramFile = runner.input('diagram-file');
    const diagram =
      diagramFile && existsSync(resolve(cwd, diagramFile))
        ? readFileSync(resolve(cwd, diagramFile), 'utf8')
        : undefined;
    const headSha = runner.input('head-sha') || context.pullRequest?.headSha || context.sha;
    const base = linkBase({ ...context, ...(headSha ? { sha: headSha } : {}), pullRequest: undefined });
    const issue = Number(runner.input('pull-request')) || context.pullRequest?.number;
    const token = runner.input('token');

    runner.output('findings', result.summary.findings);
    let changes: Changes = compareWithPrevious(result.findings, undefined);
    let commentLine = '';
    if (!issue || !context.repository || !token || runner.input('comment', 'true') === 'false') {
      runner.log('No pull request to comment on (or commenting is off): writing the job summary only.');
      runner.output('comment-action', 'skipped');
    } else {
      const thread: Thread = { ...context.repository, issue };
      const gh = createGitHub(token, context.apiUrl, (line) => runner.log(line));
      try {
        const me = await identify(gh, runner.input('comment-author'));
        runner.log(`Comment author: ${me.login} (${me.source}).`);
        const existing = await findStickyComment(gh, thread, me.login);
        changes = compareWithPrevious(result.findings, readState(existing?.body));
        const { body, truncated } = composeComment({
          result,
          title,
          ...(base ? { linkBase: base } : {}),
          ...(diagram ? { diagram } : {}),
          changes,
          ...(context.runUrl ? { runUrl: context.runUrl } : {}),
          footer: `<sub>ztkit ${ZTKIT_VERSION}${context.runUrl ? ` · [workflow run](${context.runUrl})` : ''}${headSha ? ` · ${headSha.slice(0, 7)}` : ''}</sub>`,
        });
        const done = await upsertComment(gh, thread, existing, body);
        runner.log(`Pull request comment ${done.action}: ${done.comment.html_url}`);
        runner.output('comment-action', done.action);
        runner.output('comment-id', done.comment.id);
        runner.output('comment-url', done.comment.html_url);
        runner.output('truncated', String(truncated));
        commentLine = `_Pull request comment ${done.action}: ${done.comment.html_url}_`;
      } catch (e) {
        if (!isReadOnlyToken(e)) throw e;
        // A fork's pull request gets a read-only token: the summary still carries the whole report.
        runner.command(
          'notice',
          'Cannot comment on this pull request: the token is read-only (a fork, or `pull-requests: write` not granted). The report is in the job summary; see docs/fork-pull-requests.md for commenting on forks.',
        );
        runner.output('comment-action', 'skipped');
      }
    }
    runner.output('new', changes.added.length);
    runner.output('fixed', changes.fixed);
    runner.summary(
      [
        renderMarkdown(result, {
          title,
          ...(base ? { linkBase: base } : {}),
          ...(diagram ? { diagram } : {}),
        }).trimEnd(),
        changesSection(changes),
        commentLine,
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
  } catch (e) {
    runner.fail(`post-pr-summary: ${(e as Error).message}`);
  }
}
