import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ACTIONS = ['validate-iac', 'check-encryption', 'check-segmentation', 'post-pr-summary'] as const;
export type ActionName = (typeof ACTIONS)[number];

export interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  readonly ms: number;
}

export interface RunOptions {
  readonly workspace: string;
  readonly inputs?: Record<string, string>;
  readonly env?: Record<string, string>;
  /** Defaults to a pull_request event of the workspace's repository. */
  readonly eventPath?: string;
}

/**
 * Runs a bundled action the way the runner does: `node dist/index.js` with the inputs as
 * `INPUT_<NAME>` (upper case, hyphens kept), a fresh GITHUB_OUTPUT and GITHUB_STEP_SUMMARY file, and
 * nothing else of this process's environment but PATH and HOME. Asynchronous, so that a mock server
 * in this process keeps answering while the action runs.
 */
export function runAction(name: ActionName, options: RunOptions): Promise<ActionRun> {
  const files = mkdtempSync(join(tmpdir(), `ztkit-run-${name}-`));
  const outputFile = join(files, 'output');
  const summaryFile = join(files, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? files,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_REPOSITORY: 'contoso/landing-zone',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...(options.eventPath ? { GITHUB_EVENT_PATH: options.eventPath } : {}),
    ...options.env,
  };
  for (const [k, v] of Object.entries(options.inputs ?? {}))
    env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'actions', name, 'dist', 'index.js')], {
      cwd: options.workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) =>
      done({
        code,
        stdout,
        stderr,
        outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
        summary: readFileSync(summaryFile, 'utf8'),
        ms: performance.now() - started,
      }),
    );
  });
}

/** Reads GITHUB_OUTPUT as the runner does: `name=value` lines and `name<<DELIM` heredocs. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i]!);
      if (lines[i] !== delimiter) throw new Error(`unterminated output ${name}`);
      out[name!] = value.join('\n');
    } else if (line.includes('=')) out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return out;
}

/** Workflow commands printed on stdout, parsed back (properties unescaped). */
export interface WorkflowCommand {
  readonly command: string;
  readonly properties: Record<string, string>;
  readonly message: string;
}

export function workflowCommands(stdout: string, command?: string): WorkflowCommand[] {
  const decode = (s: string) =>
    s
      .replace(/%2C/g, ',')
      .replace(/%3A/g, ':')
      .replace(/%0A/g, '\n')
      .replace(/%0D/g, '\r')
      .replace(/%25/g, '%');
  return stdout
    .split('\n')
    .map((line) => /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({
      command: m[1]!,
      properties: Object.fromEntries(
        (m[2] ?? '')
          .split(',')
          .filter(Boolean)
          .map((p) => [p.slice(0, p.indexOf('=')), decode(p.slice(p.indexOf('=') + 1))]),
      ),
      message: decode(m[3] ?? ''),
    }))
    .filter((c) => !command || c.command === command);
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export interface PullRequestRepo {
  readonly workspace: string;
  readonly baseSha: string;
  readonly headSha: string;
  readonly eventPath: string;
}

/**
 * A git repository with a base commit and a pull-request head commit on top, checked out at the
 * head with full history (what `fetch-depth: 0` gives), and a pull_request event payload for it.
 */
export function pullRequestRepo(
  base: Record<string, string>,
  head: Record<string, string>,
  number = 7,
): PullRequestRepo {
  const workspace = mkdtempSync(join(tmpdir(), 'ztkit-ws-'));
  git(workspace, 'init', '-q', '-b', 'main');
  git(workspace, 'config', 'user.email', 'dev@example.com');
  git(workspace, 'config', 'user.name', 'dev');
  git(workspace, 'config', 'commit.gpgsign', 'false');
  write(workspace, base);
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-q', '-m', 'base');
  const baseSha = git(workspace, 'rev-parse', 'HEAD');
  write(workspace, head);
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-q', '-m', 'change');
  const headSha = git(workspace, 'rev-parse', 'HEAD');
  const eventPath = join(mkdtempSync(join(tmpdir(), 'ztkit-event-')), 'event.json');
  writeFileSync(eventPath, JSON.stringify(pullRequestEvent(number, baseSha, headSha), null, 2));
  return { workspace, baseSha, headSha, eventPath };
}

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** The parts of a real `pull_request` webhook payload the actions read, with realistic neighbours. */
export function pullRequestEvent(
  number: number,
  baseSha: string,
  headSha: string,
  headRepo = 'contoso/landing-zone',
) {
  const repo = (full: string) => ({
    id: full === 'contoso/landing-zone' ? 1296269 : 1296270,
    name: full.split('/')[1],
    full_name: full,
    private: false,
    owner: { login: full.split('/')[0], type: 'Organization' },
    html_url: `https://github.com/${full}`,
    fork: full !== 'contoso/landing-zone',
  });
  return {
    action: 'synchronize',
    number,
    pull_request: {
      url: `https://api.github.com/repos/contoso/landing-zone/pulls/${number}`,
      id: 1000 + number,
      number,
      state: 'open',
      title: 'Open storage to the hub',
      user: { login: 'octocat', type: 'User' },
      head: { label: 'octocat:feature', ref: 'feature', sha: headSha, repo: repo(headRepo) },
      base: { label: 'contoso:main', ref: 'main', sha: baseSha, repo: repo('contoso/landing-zone') },
      draft: false,
    },
    before: baseSha,
    after: headSha,
    repository: repo('contoso/landing-zone'),
    sender: { login: 'octocat', type: 'User' },
  };
}

export function bundleExists(name: ActionName): boolean {
  return existsSync(join(ROOT, 'actions', name, 'dist', 'index.js'));
}

/** An ARM template with `count` storage accounts that accept HTTP and TLS 1.0: two high findings each. */
export function insecureStorageTemplate(count: number, prefix = 'st'): string {
  const resources = Array.from({ length: count }, (_, i) =>
    [
      '    {',
      '      "type": "Microsoft.Storage/storageAccounts",',
      '      "apiVersion": "2023-05-01",',
      `      "name": "${prefix}${i}",`,
      '      "location": "westeurope",',
      '      "sku": { "name": "Standard_LRS" },',
      '      "kind": "StorageV2",',
      '      "properties": {',
      '        "supportsHttpsTrafficOnly": false,',
      '        "minimumTlsVersion": "TLS1_0"',
      '      }',
      '    }',
    ].join('\n'),
  );
  return [
    '{',
    '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",',
    '  "contentVersion": "1.0.0.0",',
    '  "resources": [',
    resources.join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}

/** Line of `"supportsHttpsTrafficOnly": false` of account `i` in insecureStorageTemplate. */
export function httpsLineOf(i: number): number {
  return 5 + i * 12 + 8;
}
